package weir.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import testjobs.CountingJob;

/**
 * The JobManager's REST API against bad input: traversal strings in every path parameter, calls
 * without the bearer token, malformed bodies and forms. Every answer is a 4xx, never a 500, and
 * where the API itself answers, a JSON error naming the fault. Also the pages of a TaskManager's
 * log and the per-subtask figures of a running job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestApiIT {
  private static final String TOKEN = "a-token-for-the-rest-tests";
  private static final String BEARER = "Bearer " + TOKEN;
  // raw and encoded forms of path traversal, an absolute path and a NUL byte
  private static final List<String> HOSTILE = List.of("..", "../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd",
      "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5c..%5cwindows%5cwin.ini", "%2Fetc%2Fpasswd", "....%2F%2F....%2F%2Fetc",
      "%00", "a%00b", "%252e%252e%252f");

  @TempDir static Path dir;
  private ClusterProcesses cluster;
  private int rest;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    cluster = new ClusterProcesses(dir);
    ClusterProcesses.JobManagerProcess jm = cluster.startJobManager(0, "jm", "-Drest.auth.token=" + TOKEN);
    cluster.startTaskManager(jm.rpcPort(), "tm-a", 2);
    cluster.awaitTaskManagers(jm.restPort(), 1);
    rest = jm.restPort();
  }

  @AfterAll
  void stop() throws Exception {
    cluster.close();
  }

  @Test
  void when_path_parameters_hold_traversal_strings_then_every_route_answers_4xx() throws Exception {
    JsonNode paths = ClusterProcesses.JSON.readTree(cluster.get(rest, "/openapi.json").body()).get("paths");
    int tried = 0;
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      String template = it.next();
      if (!template.contains("{id}")) {
        continue;
      }
      for (Iterator<String> methods = paths.get(template).fieldNames(); methods.hasNext(); ) {
        String method = methods.next().toUpperCase(java.util.Locale.ROOT);
        for (String hostile : HOSTILE) {
          HttpResponse<String> r = send(method, template.replace("{id}", hostile), "{}", BEARER);
          assertThat(r.statusCode()).as("%s %s", method, template.replace("{id}", hostile)).isBetween(400, 499);
          assertThat(r.body()).doesNotContain("root:");
          if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            JsonNode error = ClusterProcesses.JSON.readTree(r.body());
            assertThat(error.get("code").asInt()).isEqualTo(r.statusCode());
            assertThat(error.get("message").asText()).isNotBlank();
          }
          tried++;
        }
      }
    }
    assertThat(tried).isGreaterThanOrEqualTo(11 * HOSTILE.size());
  }

  @Test
  void when_a_call_that_changes_jobs_has_no_valid_token_then_it_is_refused_with_401() throws Exception {
    HttpResponse<String> none = send("POST", "/jobs/0123/cancel", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(ClusterProcesses.JSON.readTree(none.body()).get("message").asText()).contains("Authorization: Bearer");
    assertThat(send("POST", "/jobs/0123/cancel", null, "Bearer wrong-token-of-some-length").statusCode()).isEqualTo(401);
    assertThat(send("POST", "/jobs/0123/cancel", null, BEARER).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/jobs", null).statusCode()).isEqualTo(200);
  }

  @Test
  void when_requests_are_malformed_then_they_get_400_with_a_message() throws Exception {
    HttpResponse<String> notMultipart = send("POST", "/jobs", "{}", BEARER);
    assertThat(notMultipart.statusCode()).isEqualTo(400);
    assertThat(notMultipart.body()).contains("multipart/form-data");

    Path garbage = Files.write(dir.resolve("garbage.jar"), new byte[] {1, 2, 3, 4});
    HttpResponse<String> badJar = cluster.submit(rest, garbage, Map.of(), "Authorization", BEARER);
    assertThat(badJar.statusCode()).isEqualTo(400);
    assertThat(badJar.body()).contains("Cannot read the job jar");

    Path jar = ClusterProcesses.jobJar(dir, CountingJob.class);
    assertThat(cluster.submit(rest, jar, Map.of("parallelism", List.of("many")), "Authorization", BEARER).body())
        .contains("parallelism must be a whole number");
    HttpResponse<String> outside = cluster.submit(rest, jar, Map.of("savepointPath", List.of("../../etc")),
        "Authorization", BEARER);
    assertThat(outside.statusCode()).isEqualTo(400);
    assertThat(outside.body()).contains("inside the savepoint folder");
    HttpResponse<String> noClass = cluster.submit(rest, jar, Map.of("entryClass", List.of("no.such.Main")),
        "Authorization", BEARER);
    assertThat(noClass.statusCode()).isEqualTo(400);
    assertThat(noClass.body()).contains("no class no.such.Main");

    String job = runningJob(jar);
    assertThat(send("POST", "/jobs/" + job + "/stop", "{not json", BEARER).body()).contains("the body is not JSON");
    assertThat(send("POST", "/jobs/" + job + "/stop", "[1]", BEARER).statusCode()).isEqualTo(400);
    HttpResponse<String> escape = send("POST", "/jobs/" + job + "/savepoints", "{\"directory\": \"../../x\"}", BEARER);
    assertThat(escape.statusCode()).isEqualTo(400);
    assertThat(escape.body()).contains("leaves it");
    assertThat(send("POST", "/jobs/" + job + "/savepoints", "{\"directory\": 7}", BEARER).body())
        .contains("'directory' must be a string");
    assertThat(send("POST", "/jobs/" + job + "/rescale", "{\"parallelism\": -1}", BEARER).statusCode()).isEqualTo(400);
    assertThat(send("POST", "/jobs/" + job + "/cancel", null, BEARER).statusCode()).isEqualTo(202);
    HttpResponse<String> twice = send("POST", "/jobs/" + job + "/restart", null, BEARER);
    assertThat(twice.statusCode()).isEqualTo(409);
    await().atMost(Duration.ofSeconds(30)).until(() -> cluster.status(rest, job).equals("CANCELED"));
  }

  @Test
  void when_a_job_runs_then_its_subtasks_figures_and_the_taskmanager_log_pages_are_served() throws Exception {
    String job = runningJob(ClusterProcesses.jobJar(dir, CountingJob.class));
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      List<Long> in = new ArrayList<>();
      ClusterProcesses.JSON.readTree(cluster.get(rest, "/jobs/" + job).body()).get("vertices").forEach(v ->
          v.get("subtasks").forEach(s -> in.add(s.path("elementsIn").asLong())));
      return in.stream().anyMatch(n -> n > 0);
    });
    // per operator, inside the chains too: the source's records out, the keyed count's in and out, the
    // chained file sink's in, and a rate; each subtask reads its counts head first, so the sink's
    // records in (read later) are at least the count's records out
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Map<String, JsonNode> operators = new HashMap<>();
      ClusterProcesses.JSON.readTree(cluster.get(rest, "/jobs/" + job).body()).get("vertices").forEach(v ->
          v.get("operators").forEach(o -> operators.put(o.get("name").asText(), o)));
      assertThat(operators).containsKeys("numbers", "count");
      JsonNode sink = operators.values().stream().filter(o -> o.get("name").asText().startsWith("Sink")).findFirst()
          .orElseThrow();
      assertThat(operators.get("numbers").get("recordsIn").asLong()).isZero();
      assertThat(operators.get("numbers").get("recordsOut").asLong()).isPositive();
      assertThat(operators.get("count").get("recordsIn").asLong()).isPositive();
      assertThat(operators.get("count").get("recordsInPerSecond").asDouble()).isPositive();
      assertThat(operators.get("count").get("recordsOut").asLong()).isPositive();
      assertThat(sink.get("recordsIn").asLong()).isGreaterThanOrEqualTo(operators.get("count").get("recordsOut").asLong());
      assertThat(sink.get("recordsOut").asLong()).isZero();
    });
    int metricsPort = cluster.taskManagers(rest).get("tm-a").get("metricsPort").asInt();
    assertThat(cluster.get(metricsPort, "/metrics").body()).contains("weir_subtask_elements_in{job=\"" + job + "\"",
        "weir_subtask_backpressure{", "weir_subtask_busy{", "weir_subtask_watermark_lag_seconds{", "weir_network_buffers{",
        "weir_operator_records_in{", "weir_operator_records_out{", "weir_operator_records_in_rate_per_second{",
        "operator=\"count\"");
    // the gauges follow the counts: a later scrape shows more records in at the keyed operator
    double before = countRecordsIn(metricsPort);
    await().atMost(Duration.ofSeconds(30)).until(() -> countRecordsIn(metricsPort) > before);
    send("POST", "/jobs/" + job + "/cancel", null, BEARER);
    await().atMost(Duration.ofSeconds(30)).until(() -> cluster.status(rest, job).equals("CANCELED"));

    JsonNode tail = ClusterProcesses.JSON.readTree(cluster.get(rest, "/taskmanagers/tm-a/logs").body());
    assertThat(tail.get("text").asText()).contains("registered with the JobManager");
    JsonNode first = ClusterProcesses.JSON.readTree(cluster.get(rest, "/taskmanagers/tm-a/logs?offset=0&length=100")
        .body());
    assertThat(first.get("offset").asLong()).isZero();
    assertThat(first.get("length").asInt()).isEqualTo(100);
    assertThat(cluster.get(rest, "/taskmanagers/tm-a/logs?length=0").statusCode()).isEqualTo(400);
    assertThat(cluster.get(rest, "/taskmanagers/tm-a/logs?offset=-1").statusCode()).isEqualTo(400);
    assertThat(cluster.get(rest, "/taskmanagers/tm-z/logs").statusCode()).isEqualTo(404);
  }

  /** The keyed operator's records in on one TaskManager, from its Prometheus text. */
  private double countRecordsIn(int metricsPort) throws Exception {
    for (String line : cluster.get(metricsPort, "/metrics").body().split("\n")) {
      if (line.startsWith("weir_operator_records_in{") && line.contains("operator=\"count\"")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no weir_operator_records_in of the operator 'count' on port " + metricsPort);
  }

  private String runningJob(Path jar) throws Exception {
    HttpResponse<String> submitted = cluster.submit(rest, jar, Map.of("args", List.of(dir.resolve("out").toString(),
        dir.resolve("checkpoints").toString(), "1000000", "keyed", "2000"), "parallelism", List.of("2")),
        "Authorization", BEARER);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    String job = ClusterProcesses.JSON.readTree(submitted.body()).get("id").asText();
    await().atMost(Duration.ofSeconds(30)).until(() -> cluster.status(rest, job).equals("RUNNING"));
    return job;
  }

  private HttpResponse<String> send(String method, String path, String body, String... authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rest + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (authorization.length > 0) {
      b.header("Authorization", authorization[0]);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      // the server may close a connection after refusing a malformed request line; a new one must get an answer
      try {
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException again) {
        throw new java.io.IOException(method + " " + path + " got no answer: " + again.getMessage(), again);
      }
    }
  }
}
