package weir.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  private static final ObjectMapper JSON = ClusterProcesses.JSON;
  // a sample of the Prometheus text format: metric name, optional labels, value
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?) ([-+0-9.eE]+|NaN|[+-]Inf)");
  @TempDir Path logs;
  private ClusterProcesses cluster;

  @BeforeEach
  void fixture() {
    cluster = new ClusterProcesses(logs);
  }

  @AfterEach
  void killAll() throws InterruptedException {
    cluster.close();
  }

  @Test
  void when_a_taskmanager_is_killed_then_the_jobmanager_takes_it_for_lost_within_the_timeout() throws Exception {
    ClusterProcesses.JobManagerProcess jm = startJobManager(0, "jm-1");
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
    int tmMetricsPort = taskManagers(rest).get("tm-a").get("metricsPort").asInt();
    await().atMost(Duration.ofSeconds(10)).until(() -> scrape(tmMetricsPort)
        .getOrDefault("weir_heartbeats_sent_total{node=\"tm-a\",role=\"taskmanager\"}", 0.0) > 0);
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
      if (!path.contains("{") && openApi.get("paths").get(path).has("get")) {
        assertThat(get(rest, path).statusCode()).as("GET %s", path).isEqualTo(200);
      }
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
    ClusterProcesses.JobManagerProcess first = startJobManager(rpc, "jm-1");
    startTaskManager(rpc, "tm-a", 1);
    startTaskManager(rpc, "tm-b", 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> statuses(first.restPort())
        .equals(Map.of("tm-a", "REGISTERED", "tm-b", "REGISTERED")));
    int tmMetrics = taskManagers(first.restPort()).get("tm-a").get("metricsPort").asInt();
    String registrations = "weir_registrations_total{node=\"tm-a\",role=\"taskmanager\"}";
    // the TaskManager's own view: under load a registration can count on the JobManager's side
    // while its answer came too late for the TaskManager, which then registers anew
    await().atMost(Duration.ofSeconds(30)).until(() -> Double.valueOf(1.0).equals(scrape(tmMetrics).get(registrations)));

    first.process().destroyForcibly().waitFor(); // SIGKILL
    int restAfter = startJobManager(rpc, "jm-2").restPort();
    // the new JobManager knows nothing; the TaskManagers notice and register with it
    await().atMost(Duration.ofSeconds(30))
        .until(() -> statuses(restAfter).equals(Map.of("tm-a", "REGISTERED", "tm-b", "REGISTERED")));
    await().atMost(Duration.ofSeconds(10)).until(() -> Double.valueOf(2.0).equals(scrape(tmMetrics).get(registrations)));
  }

  private ClusterProcesses.JobManagerProcess startJobManager(int rpcPort, String name) throws Exception {
    return cluster.startJobManager(rpcPort, name);
  }

  private Process startTaskManager(int rpcPort, String id, int slots) throws Exception {
    return cluster.startTaskManager(rpcPort, id, slots);
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return cluster.get(port, path);
  }

  private Map<String, JsonNode> taskManagers(int restPort) throws Exception {
    return cluster.taskManagers(restPort);
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
    return ClusterProcesses.freePort();
  }

}
