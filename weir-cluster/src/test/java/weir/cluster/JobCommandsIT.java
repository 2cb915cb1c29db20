package weir.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testjobs.CountingJob;
import weir.cluster.cli.WeirCli;

/**
 * The job commands of {@code weir} against a JobManager and two TaskManager processes: run,
 * list, savepoint, stop with a savepoint and run again from it, cancel, and run embedded.
 */
class JobCommandsIT {
  private static final Pattern SUBMITTED = Pattern.compile("submitted: ([0-9a-f]{32})");
  private static final Pattern SAVEPOINT = Pattern.compile("(?:written to|savepoint at) (\\S+)");

  @TempDir Path dir;
  private ClusterProcesses cluster;
  private String rest;

  /** What a command printed and its exit code. */
  private record Outcome(int code, String out, String err) {}

  @BeforeEach
  void start() throws Exception {
    cluster = new ClusterProcesses(dir);
    ClusterProcesses.JobManagerProcess jobManager = cluster.startJobManager(0, "jm");
    cluster.startTaskManager(jobManager.rpcPort(), "tm-a", 2);
    cluster.startTaskManager(jobManager.rpcPort(), "tm-b", 2);
    cluster.awaitTaskManagers(jobManager.restPort(), 2);
    rest = "127.0.0.1:" + jobManager.restPort();
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  @Test
  void when_a_job_is_stopped_with_a_savepoint_and_run_again_from_it_then_the_two_runs_write_each_record_once()
      throws Exception {
    Path jar = ClusterProcesses.jobJar(dir, CountingJob.class);
    List<String> jobArgs = List.of(dir.resolve("out").toString(), dir.resolve("checkpoints").toString(), "30000",
        "keyed", "4000");
    String first = submitted(weir(cmd("run", "--jobmanager", rest, "-p", "2", jar.toString(), jobArgs)));
    await().atMost(Duration.ofSeconds(60)).until(() -> weir("list", "--jobmanager", rest).out()
        .contains(first + "  RUNNING"));

    String savepoint = savepointOf(weir("savepoint", first, "--jobmanager", rest, "--directory", "manual"));
    assertThat(Path.of(savepoint).resolve("_metadata")).exists();
    String stopped = savepointOf(weir("stop", first, "--savepoint", "--jobmanager", rest, "--directory", "stops"));
    await().atMost(Duration.ofSeconds(30)).until(() -> weir("list", "--jobmanager", rest).out()
        .contains(first + "  FINISHED"));

    String second = submitted(weir(cmd("run", "--jobmanager", rest, "-p", "2", "-s", stopped, jar.toString(),
        jobArgs)));
    await().atMost(Duration.ofSeconds(90)).until(() -> weir("list", "--jobmanager", rest).out()
        .contains(second + "  FINISHED"));
    assertThat(ClusterJobsIT.numbersIn(dir.resolve("out"))).isEqualTo(ClusterJobsIT.range(30000));
  }

  @Test
  void when_a_job_is_cancelled_then_it_ends_canceled_and_an_unknown_job_is_an_error() throws Exception {
    Path jar = ClusterProcesses.jobJar(dir, CountingJob.class);
    String job = submitted(weir(cmd("run", "--jobmanager", rest, jar.toString(), List.of(dir.resolve("out").toString(),
        dir.resolve("checkpoints").toString(), "1000000", "keyed", "1000"))));
    assertThat(weir("cancel", job, "--jobmanager", rest).code()).isZero();
    await().atMost(Duration.ofSeconds(30)).until(() -> weir("list", "--jobmanager", rest).out()
        .contains(job + "  CANCELED"));

    Outcome unknown = weir("cancel", "0123", "--jobmanager", rest);
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("No job with id '0123'");
    Outcome nobody = weir("list", "--jobmanager", "127.0.0.1:" + ClusterProcesses.freePort());
    assertThat(nobody.code()).isEqualTo(1);
    assertThat(nobody.err()).contains("No JobManager answers");
  }

  @Test
  void when_a_jar_runs_embedded_then_the_job_runs_in_this_process() throws Exception {
    Path jar = ClusterProcesses.jobJar(dir, CountingJob.class);
    Outcome run = weir(cmd("run", "--target", "embedded", "-p", "2", jar.toString(), List.of(
        dir.resolve("embedded").toString(), dir.resolve("checkpoints").toString(), "5000", "keyed", "0", "--not-an-option")));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(ClusterJobsIT.numbersIn(dir.resolve("embedded"))).isEqualTo(ClusterJobsIT.range(5000));
  }

  /** The arguments of a command, lists spread out. */
  private static String[] cmd(Object... parts) {
    List<String> all = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof List<?> list) {
        list.forEach(e -> all.add(e.toString()));
      } else {
        all.add(p.toString());
      }
    }
    return all.toArray(new String[0]);
  }

  /** Runs {@code weir} in this process and captures what it printed. */
  private static synchronized Outcome weir(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
      System.setOut(po);
      System.setErr(pe);
      var cli = WeirCli.commandLine();
      cli.setErr(new java.io.PrintWriter(pe, true));
      int code = cli.execute(args);
      return new Outcome(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static String submitted(Outcome run) {
    Matcher m = SUBMITTED.matcher(run.out());
    assertThat(m.find()).as("run printed a job id: %s %s", run.out(), run.err()).isTrue();
    return m.group(1);
  }

  private static String savepointOf(Outcome command) throws Exception {
    Matcher m = SAVEPOINT.matcher(command.out());
    assertThat(m.find()).as("printed a savepoint: %s %s", command.out(), command.err()).isTrue();
    assertThat(Files.isDirectory(Path.of(m.group(1)))).isTrue();
    return m.group(1);
  }
}
