package weir.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weir.cluster.cli.WeirCli;

/**
 * A JobManager and TaskManagers as real processes on 127.0.0.1, started through the {@code weir}
 * command and killed with SIGKILL: TaskManagers register their slots, a killed TaskManager is
 * taken for lost within the heartbeat timeout, and TaskManagers register again with a JobManager
 * that was killed and restarted.
 *
 * <h3>Design of this test</h3>
 * Each process writes its output to a file in one folder; the JobManager prints its ports on a
 * line the test reads. The heartbeat timeout is 2 s (interval 200 ms), so the waits here are
 * short; what the JobManager knows is read from its REST API, as an operator would.
 */
class ClusterProcessesIT {
  private static final Pattern PORTS = Pattern.compile("JOBMANAGER rpc=(\\d+) rest=(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  // a sample of the Prometheus text format: metric name, optional labels, value
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?) ([-+0-9.eE]+|NaN|[+-]Inf)");
  private final List<Process> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path logs;

  @AfterEach
  void killAll() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void when_a_taskmanager_is_killed_then_the_jobmanager_takes_it_for_lost_within_the_timeout() throws Exception {
    JobManagerProcess jm = startJobManager(0, "jm-1");
    int rest = jm.restPort();
    startTaskManager(jm.rpcPort(), "tm-a", 2);
    Process doomed = startTaskManager(jm.rpcPort(), "tm-b", 3);
    await().atMost(Duration.ofSeconds(30)).until(() -> statuses(rest).equals(Map.of("tm-a", "REGISTERED", "tm-b", "REGISTERED")));
    JsonNode tmB = taskManagers(rest).get("tm-b");
    assertThat(tmB.get("slots").asInt()).isEqualTo(3);
    assertThat(tmB.get("pid").asLong()).isEqualTo(doomed.pid());
    Map<String, Double> jmMetrics = scrape(rest);
    assertThat(jmMetrics).containsEntry("weir_taskmanagers{node=\"jobmanager\",role=\"jobmanager\",status=\"registered\"}", 2.0)
        .containsEntry("weir_taskmanager_slots{node=\"jobmanager\",role=\"jobmanager\"}", 5.0)
        .hasKeySatisfying(new org.assertj.core.api.Condition<>(k -> k.startsWith("jvm_memory_used_bytes{"), "JVM memory"));
    Map<String, Double> tmMetrics = scrape(taskManagers(rest).get("tm-a").get("metricsPort").asInt());
    assertThat(tmMetrics.get("weir_heartbeats_sent_total{node=\"tm-a\",role=\"taskmanager\"}")).isPositive();
    HttpResponse<String> missing = get(rest, "/no-such-thing");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(missing.body()).get("message").asText()).contains("GET /no-such-thing");
    // every path the OpenAPI document names answers GET with 200
    JsonNode openApi = JSON.readTree(get(rest, "/openapi.json").body());
    assertThat(openApi.get("openapi").asText()).startsWith("3.");
    List<String> paths = new ArrayList<>();
    openApi.get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).contains("/taskmanagers", "/metrics", "/openapi.json");
    for (String path : paths) {
      assertThat(get(rest, path).statusCode()).as("GET %s", path).isEqualTo(200);
    }

    long killed = System.nanoTime();
    doomed.destroyForcibly().waitFor(); // SIGKILL
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
        .until(() -> "LOST".equals(statuses(rest).get("tm-b")));
    long detectedMillis = (System.nanoTime() - killed) / 1_000_000;
    // the timeout is 2 s and the monitor looks four times per timeout
    assertThat(detectedMillis).isGreaterThanOrEqualTo(1_500).isLessThan(10_000);
    assertThat(statuses(rest)).containsEntry("tm-a", "REGISTERED");
    assertThat(Files.readString(logs.resolve("jm-1.log"))).contains("TaskManager tm-b at 127.0.0.1 lost");
    assertThat(scrape(rest))
        .containsEntry("weir_taskmanagers{node=\"jobmanager\",role=\"jobmanager\",status=\"lost\"}", 1.0)
        .containsEntry("weir_taskmanagers_lost_total{node=\"jobmanager\",role=\"jobmanager\"}", 1.0);

    startTaskManager(jm.rpcPort(), "tm-b", 3);
    await().atMost(Duration.ofSeconds(30)).until(() -> "REGISTERED".equals(statuses(rest).get("tm-b")));
  }

  @Test
  void when_the_jobmanager_is_killed_and_restarted_then_the_taskmanagers_register_again() throws Exception {
    int rpc = freePort();
    JobManagerProcess first = startJobManager(rpc, "jm-1");
    startTaskManager(rpc, "tm-a", 1);
    startTaskManager(rpc, "tm-b", 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> statuses(first.restPort()).size() == 2);

    first.process().destroyForcibly().waitFor(); // SIGKILL
    int restAfter = startJobManager(rpc, "jm-2").restPort();
    // the new JobManager knows nothing; the TaskManagers notice and register with it
    await().atMost(Duration.ofSeconds(30))
        .until(() -> statuses(restAfter).equals(Map.of("tm-a", "REGISTERED", "tm-b", "REGISTERED")));
    assertThat(Files.readString(logs.resolve("tm-a.log"))).contains("registering again");
  }

  /** A JobManager process and the ports it printed. */
  private record JobManagerProcess(Process process, int rpcPort, int restPort) {}

  /** Starts a JobManager with its gRPC server on {@code rpcPort} (0: any free port). */
  private JobManagerProcess startJobManager(int rpcPort, String name) throws Exception {
    Process p = start(name, "jobmanager", "-Djobmanager.rpc.port=" + rpcPort, "-Drest.port=0",
        "-Dheartbeat.interval=200ms", "-Dheartbeat.timeout=2s");
    Path log = logs.resolve(name + ".log");
    Matcher[] found = new Matcher[1];
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      if (!p.isAlive()) {
        throw new AssertionError("The JobManager exited: " + Files.readString(log));
      }
      Matcher m = PORTS.matcher(Files.readString(log));
      if (m.find()) {
        found[0] = m;
        return true;
      }
      return false;
    });
    return new JobManagerProcess(p, Integer.parseInt(found[0].group(1)), Integer.parseInt(found[0].group(2)));
  }

  private Process startTaskManager(int rpcPort, String id, int slots) throws Exception {
    return start(id, "taskmanager", "--jobmanager", "127.0.0.1:" + rpcPort, "--id", id, "--slots",
        Integer.toString(slots));
  }

  private Process start(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-cp", System.getProperty("java.class.path"), WeirCli.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()))
        .start();
    processes.add(p);
    return p;
  }

  /** {@code GET path} of the process serving HTTP on {@code port} of 127.0.0.1. */
  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Map<String, JsonNode> taskManagers(int restPort) throws Exception {
    HttpResponse<String> response = get(restPort, "/taskmanagers");
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, JsonNode> byId = new HashMap<>();
    JSON.readTree(response.body()).get("taskmanagers").forEach(tm -> byId.put(tm.get("id").asText(), tm));
    return byId;
  }

  /**
   * {@code GET /metrics} of the process serving HTTP on {@code port}, parsed as the Prometheus
   * text format: every line a comment or {@code name{labels} value}; the samples by name and labels.
   */
  private Map<String, Double> scrape(int port) throws Exception {
    HttpResponse<String> response = get(port, "/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    Map<String, Double> samples = new HashMap<>();
    for (String line : response.body().split("\n")) {
      if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("a sample line: %s", line).isTrue();
      samples.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return samples;
  }

  private Map<String, String> statuses(int restPort) throws Exception {
    Map<String, String> statuses = new HashMap<>();
    taskManagers(restPort).forEach((id, tm) -> statuses.put(id, tm.get("status").asText()));
    return statuses;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
