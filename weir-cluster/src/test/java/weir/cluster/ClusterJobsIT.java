package weir.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testjobs.CountingJob;

/**
 * Jobs submitted as jars to a JobManager with two TaskManagers, all real JVMs on 127.0.0.1.
 *
 * <h3>Design of these tests</h3>
 * The job program ({@link CountingJob}) is packed into a jar by the test and reaches the
 * processes only through {@code POST /jobs}: their class path holds no test classes. Its output
 * goes to an exactly-once file sink; that the output holds every number once, and every key's
 * running counts once, is what exactly-once means here, with or without failures.
 */
class ClusterJobsIT {
  @TempDir Path dir;
  private ClusterProcesses cluster;
  private ClusterProcesses.JobManagerProcess jobManager;

  @BeforeEach
  void start() throws Exception {
    cluster = new ClusterProcesses(dir);
    jobManager = cluster.startJobManager(0, "jm");
    cluster.startTaskManager(jobManager.rpcPort(), "tm-a", 2);
    cluster.startTaskManager(jobManager.rpcPort(), "tm-b", 2);
    cluster.awaitTaskManagers(jobManager.restPort(), 2);
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  @Test
  void when_a_jar_is_submitted_then_its_subtasks_run_on_both_taskmanagers_and_the_job_finishes() throws Exception {
    String job = submit(List.of("20000", "forward", "0"), 2);
    awaitStatus(job, "FINISHED");

    assertThat(numbersIn(output())).isEqualTo(range(20000));
    JsonNode details = details(job);
    Set<String> taskManagers = new HashSet<>();
    details.get("vertices").forEach(v -> v.get("subtasks").forEach(s -> taskManagers.add(s.get("taskManager").asText())));
    assertThat(taskManagers).containsExactlyInAnyOrder("tm-a", "tm-b");
    List<String> states = new ArrayList<>();
    details.get("transitions").forEach(t -> states.add(t.get("to").asText()));
    assertThat(states).containsExactly("RUNNING", "FINISHED");
    // the jars are gone from the JobManager and the TaskManagers once the job ended
    await().atMost(Duration.ofSeconds(10)).until(() -> jarsLeft().isEmpty());
  }

  @Test
  void when_a_keyed_job_runs_on_two_taskmanagers_then_records_cross_the_network_and_each_key_counts_once()
      throws Exception {
    String job = submit(List.of("40000", "keyed", "0", "dead-letters"), 2);
    awaitStatus(job, "FINISHED");

    assertKeyedOutputExactlyOnce(40000);
    JsonNode deadLetters = ClusterProcesses.JSON.readTree(cluster.get(jobManager.restPort(), "/jobs/" + job
        + "/dead-letters").body()).get("deadLetters");
    List<String> records = new ArrayList<>();
    deadLetters.forEach(d -> records.add(d.get("record").asText()));
    assertThat(records).hasSize(40).contains("n=1000", "n=40000");
    assertThat(deadLetters.get(0).get("error").asText()).isEqualTo("a multiple of 1000");
    assertThat(deadLetters.get(0).get("operator").asText()).isEqualTo("dead letters");
  }

  @Test
  void when_a_taskmanager_is_killed_then_the_job_restarts_on_the_other_and_its_output_is_exactly_once()
      throws Exception {
    Process victim = cluster.startTaskManager(jobManager.rpcPort(), "tm-c", 1);
    cluster.awaitTaskManagers(jobManager.restPort(), 3);
    // 3 slots over 3 TaskManagers: tm-c holds one subtask of every vertex
    String job = submit(List.of("30000", "keyed", "6000"), 3);
    awaitStatus(job, "RUNNING");
    await().atMost(Duration.ofSeconds(30)).until(() -> checkpoints(job) >= 2);

    victim.destroyForcibly().waitFor(); // SIGKILL, in the middle of checkpointing
    awaitStatus(job, "FINISHED");

    assertKeyedOutputExactlyOnce(30000);
    List<String> states = new ArrayList<>();
    details(job).get("transitions").forEach(t -> states.add(t.get("to").asText()));
    assertThat(states).startsWith("RUNNING", "RESTARTING", "RUNNING").endsWith("FINISHED");
    JsonNode exceptions = ClusterProcesses.JSON.readTree(cluster.get(jobManager.restPort(), "/jobs/" + job + "/exceptions")
        .body()).get("exceptions");
    // the JobManager's gauges count the restart and the checkpoints
    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.get(jobManager.restPort(), "/metrics").body()
        .contains("weir_job_restarts{job=\"" + job + "\",name=\"counting-keyed\",node=\"jobmanager\",role=\"jobmanager\"} 1.0"));
    assertThat(cluster.get(jobManager.restPort(), "/metrics").body()).contains("weir_job_checkpoints_completed{job=\""
        + job + "\"", "weir_job_checkpoint_duration_seconds{job=\"" + job + "\"");
    // the first to notice is the heartbeat monitor or a TaskManager whose connection to tm-c broke
    assertThat(exceptions.get(0).get("attempt").asInt()).isZero();
    assertThat(exceptions.get(0).get("message").asText()).containsAnyOf("tm-c", "Connection");
  }

  /**
   * The output of a keyed run is what a run without failures writes: every number once, and for
   * each key its running counts 1..(numbers of that key) once each.
   */
  private void assertKeyedOutputExactlyOnce(long count) throws IOException {
    List<String> lines = lines(output());
    assertEachOnce(numbersIn(output()), count);
    Map<Long, List<Long>> countsByKey = new java.util.TreeMap<>();
    for (String line : lines) {
      String[] f = line.split(",");
      assertThat(Long.parseLong(f[0])).isEqualTo(Long.parseLong(f[2]) % 16);
      countsByKey.computeIfAbsent(Long.parseLong(f[0]), k -> new ArrayList<>()).add(Long.parseLong(f[1]));
    }
    assertThat(countsByKey).hasSize(16);
    countsByKey.forEach((key, counts) -> assertThat(counts.stream().sorted().toList()).as("counts of key %d", key)
        .isEqualTo(range(counts.size())));
  }

  @Test
  void when_a_running_job_is_rescaled_from_2_to_4_then_no_record_is_lost_or_repeated() throws Exception {
    String job = submit(List.of("40000", "keyed", "5000"), 2);
    awaitStatus(job, "RUNNING");
    await().atMost(Duration.ofSeconds(30)).until(() -> checkpoints(job) >= 2);

    HttpResponse<String> response = cluster.post(jobManager.restPort(), "/jobs/" + job + "/rescale",
        "{\"parallelism\": 4, \"savepointDirectory\": \"rescale\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Path.of(ClusterProcesses.JSON.readTree(response.body()).get("savepointPath").asText()))
        .startsWith(dir.resolve("savepoints").resolve("rescale"));
    awaitStatus(job, "FINISHED");

    assertKeyedOutputExactlyOnce(40000);
    JsonNode details = details(job);
    details.get("vertices").forEach(v -> assertThat(v.get("parallelism").asInt()).isEqualTo(4));
    assertThat(details.get("transitions").toString()).contains("rescaling to parallelism 4");
  }

  @Test
  void when_a_rescale_asks_for_more_than_the_max_parallelism_then_it_is_refused_and_the_job_runs_on() throws Exception {
    String job = submit(List.of("40000", "keyed", "5000"), 2);
    awaitStatus(job, "RUNNING");

    HttpResponse<String> tooMany = cluster.post(jobManager.restPort(), "/jobs/" + job + "/rescale", "{\"parallelism\": 129}");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("max parallelism 128");
    HttpResponse<String> notANumber = cluster.post(jobManager.restPort(), "/jobs/" + job + "/rescale", "{\"parallelism\": \"x\"}");
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(cluster.status(jobManager.restPort(), job)).isEqualTo("RUNNING");
    assertThat(cluster.post(jobManager.restPort(), "/jobs/" + job + "/cancel", null).statusCode()).isEqualTo(202);
    awaitStatus(job, "CANCELED");
  }

  private int checkpoints(String job) throws Exception {
    return ClusterProcesses.JSON.readTree(cluster.get(jobManager.restPort(), "/jobs/" + job + "/checkpoints").body())
        .get("checkpoints").size();
  }

  private String submit(List<String> jobArgs, int parallelism) throws Exception {
    Path jar = ClusterProcesses.jobJar(dir, CountingJob.class);
    List<String> args = new ArrayList<>(List.of(output().toString(), dir.resolve("checkpoints").toString()));
    args.addAll(jobArgs);
    HttpResponse<String> response = cluster.submit(jobManager.restPort(), jar,
        Map.of("args", args, "parallelism", List.of(Integer.toString(parallelism))));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return ClusterProcesses.JSON.readTree(response.body()).get("id").asText();
  }

  private void awaitStatus(String job, String status) throws Exception {
    try {
      awaitStatusOrTimeout(job, status);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("Job " + job + " did not reach " + status + ": " + details(job) + cluster.logTails(40)
          + cluster.threadDumps(), e);
    }
  }

  private void awaitStatusOrTimeout(String job, String status) {
    await().atMost(Duration.ofSeconds(90)).until(() -> {
      String now = cluster.status(jobManager.restPort(), job);
      if (now.equals("FAILED") && !status.equals("FAILED")) {
        throw new AssertionError("The job failed: " + cluster.get(jobManager.restPort(), "/jobs/" + job + "/exceptions")
            .body());
      }
      return now.equals(status);
    });
  }

  private JsonNode details(String job) throws Exception {
    return ClusterProcesses.JSON.readTree(cluster.get(jobManager.restPort(), "/jobs/" + job).body());
  }

  private Path output() {
    return dir.resolve("out");
  }

  private List<Path> jarsLeft() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("work"))) {
      return files.filter(f -> f.toString().endsWith(".jar")).toList();
    }
  }

  /** Every number 1..count appears once in {@code numbers}; else says which are missing and which repeated. */
  static void assertEachOnce(List<Long> numbers, long count) {
    long[] seen = new long[(int) count + 1];
    List<Long> unexpected = new ArrayList<>();
    for (long n : numbers) {
      if (n < 1 || n > count) {
        unexpected.add(n);
      } else {
        seen[(int) n]++;
      }
    }
    List<Long> missing = new ArrayList<>();
    List<Long> repeated = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      if (seen[n] == 0) {
        missing.add((long) n);
      } else if (seen[n] > 1) {
        repeated.add((long) n);
      }
    }
    assertThat(missing.size() + repeated.size() + unexpected.size())
        .as("%d missing (first %s), %d repeated (first %s), unexpected %s", missing.size(),
            missing.subList(0, Math.min(10, missing.size())), repeated.size(),
            repeated.subList(0, Math.min(10, repeated.size())), unexpected)
        .isZero();
  }

  /** The lines of the finished part files under {@code folder}. */
  static List<String> lines(Path folder) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted().toList()) {
        lines.addAll(Files.readAllLines(f));
      }
    }
    return lines;
  }

  /** The numbers (last field) of the output lines, sorted. */
  static List<Long> numbersIn(Path folder) throws IOException {
    return lines(folder).stream().map(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1))).sorted().toList();
  }

  static List<Long> range(long count) {
    List<Long> all = new ArrayList<>();
    for (long n = 1; n <= count; n++) {
      all.add(n);
    }
    return all;
  }
}
