package weir.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import weir.cluster.cli.WeirCli;

/**
 * {@code weir cluster start} starts a JobManager and TaskManagers as background processes that
 * outlive the command, with their logs and process ids in one folder, and returns once all
 * TaskManagers have registered; {@code weir cluster stop} finds them from that folder and stops
 * them.
 */
class LocalClusterIT {
  @TempDir Path dir;
  private List<Long> pids = List.of();

  @AfterEach
  void killLeftovers() {
    pids.stream().map(ProcessHandle::of).flatMap(Optional::stream).forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void when_a_cluster_is_started_then_its_taskmanagers_are_registered_until_it_is_stopped() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = WeirCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    int code = cli.execute("cluster", "start", "--taskmanagers", "2", "--dir", dir.toString(),
        "-Djobmanager.rpc.port=0", "-Drest.port=0", "-Dtaskmanager.slots=2");
    assertThat(code).isZero();
    pids = Files.readAllLines(dir.resolve("cluster.pids")).stream().map(Long::parseLong).toList();
    assertThat(pids).hasSize(3).allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    assertThat(dir.resolve("jobmanager.log")).exists();
    assertThat(dir.resolve("taskmanager-1.log")).exists();
    assertThat(dir.resolve("taskmanager-2.log")).exists();

    String rest = Files.readString(dir.resolve("jobmanager.log")).lines()
        .filter(l -> l.startsWith("JOBMANAGER ")).findFirst().orElseThrow()
        .replaceAll(".*rest=(\\d+).*", "$1");
    String body = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rest + "/taskmanagers")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(body).contains("\"id\":\"taskmanager-1\"").contains("\"id\":\"taskmanager-2\"").contains("\"slots\":2");

    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("cluster", "start", "--dir", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("already running").contains("weir cluster stop --dir");

    assertThat(WeirCli.commandLine().execute("cluster", "stop", "--dir", dir.toString())).isZero();
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("process %d", pid).isFalse();
    }
    assertThat(dir.resolve("cluster.pids")).doesNotExist();
  }

  @Test
  void when_no_cluster_was_started_from_a_folder_then_stop_says_so() {
    StringWriter err = new StringWriter();
    CommandLine cli = WeirCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("cluster", "stop", "--dir", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("No local cluster was started from " + dir);
  }
}
