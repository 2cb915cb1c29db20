package weir.bench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import weir.cluster.cli.JobManagerPorts;
import weir.cluster.cli.WeirCli;

/**
 * The cluster benchmark on Weir: a JobManager and {@code parallelism} TaskManagers of one slot
 * each, started as child JVMs on 127.0.0.1, so that the two subtasks of every vertex run in
 * different processes and the keyBy exchange crosses the network data plane. The TaskManagers
 * share this machine's cores, so each runs {@code taskmanager.workers} = cores / TaskManagers
 * worker threads (at least one), as a deployment of several TaskManagers on one machine is
 * configured; the default, one per core, suits one TaskManager per machine. The job
 * ({@link WeirRunningSumJob}) is packed into a jar with the classes it needs from this module,
 * submitted through the {@code weir run} command's REST client with the given parallelism, and
 * followed over the JobManager's REST API until it ends. Afterwards each TaskManager's
 * {@code weir_network_sent_bytes_total} is read from its {@code GET /metrics}. The processes are
 * stopped at the end, whatever happened; their logs are kept, and named, only when the run failed.
 */
final class WeirClusterRun implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3); // a pre-touched heap can take a minute to start
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(20);
  private static final long POLL_INTERVAL_MS = 500;
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);
  private static final String SENT_BYTES = "weir_network_sent_bytes_total";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path work;
  private final String classPath;
  private final List<String> jobManagerFlags;
  private final List<String> taskManagerFlags;
  private final List<Process> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Thread killer = new Thread(this::kill, "kill-cluster-processes");
  private boolean failed = true;

  /**
   * @param work the folder for the processes' logs and working files, the job jar and the probes
   * @param classPath the class path of the cluster processes
   */
  WeirClusterRun(Path work, String classPath, List<String> jobManagerFlags, List<String> taskManagerFlags) {
    this.work = work;
    this.classPath = classPath;
    this.jobManagerFlags = jobManagerFlags;
    this.taskManagerFlags = taskManagerFlags;
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /** Starts the cluster, runs the job to its end and returns what was measured. */
  ClusterRunResult run(long records, int parallelism, long checkpointIntervalMs) throws Exception {
    Path probes = Files.createDirectories(work.resolve("probes"));
    Process jobManager = start("jobmanager", jobManagerFlags, List.of("jobmanager", "-Djobmanager.rpc.port=0",
        "-Drest.port=0", "-Dprocess.working-dir=" + work.resolve("jobmanager")));
    JobManagerPorts ports = JobManagerPorts.await(jobManager, work.resolve("jobmanager.log"), START_TIMEOUT);
    String rest = "127.0.0.1:" + ports.rest();
    int workers = Math.max(1, Runtime.getRuntime().availableProcessors() / parallelism);
    for (int i = 1; i <= parallelism; i++) {
      start("taskmanager-" + i, taskManagerFlags, List.of("taskmanager", "--jobmanager", "127.0.0.1:" + ports.rpc(),
          "--slots", "1", "-Dtaskmanager.workers=" + workers, "--id", "taskmanager-" + i,
          "-Dprocess.working-dir=" + work.resolve("taskmanager-" + i)));
    }
    awaitRegistered(rest, parallelism);

    Path jar = jobJar(work.resolve("running-sum.jar"), WeirRunningSumJob.class, ClusterProbes.class);
    List<String> command = new ArrayList<>(List.of("run", "--jobmanager", rest, "-c", WeirRunningSumJob.class.getName(),
        "-p", Integer.toString(parallelism), jar.toString(), Long.toString(records), probes.toString()));
    if (checkpointIntervalMs > 0) {
      command.add(Long.toString(checkpointIntervalMs));
      command.add(Files.createDirectories(work.resolve("checkpoints")).toString());
    }
    long submitted = ClusterProbes.epochNanos();
    int code = WeirCli.commandLine().execute(command.toArray(new String[0]));
    if (code != 0) {
      throw new IllegalStateException("weir run exited with code " + code + " (see the message above)");
    }
    JsonNode jobs = get(rest, "/jobs").path("jobs");
    if (jobs.size() != 1) {
      throw new IllegalStateException("Expected the one submitted job on the JobManager, found: " + jobs);
    }
    String id = jobs.get(0).path("id").asText();
    JsonNode details = awaitEnd(rest, id);
    checkPlacement(details, parallelism);

    long sentBytes = 0;
    for (JsonNode tm : get(rest, "/taskmanagers").path("taskmanagers")) {
      sentBytes += sentBytes(tm.path("host").asText("127.0.0.1"), tm.path("metricsPort").asInt());
    }
    ClusterProbes.Measured measured = ClusterProbes.read(probes);
    failed = false;
    return new ClusterRunResult(records, measured, submitted, sentBytes, runningToFinished(details));
  }

  private Process start(String name, List<String> jvmFlags, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", classPath, WeirCli.class.getName()));
    command.addAll(args);
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(name + ".log").toFile()))
        .start();
    processes.add(p);
    return p;
  }

  private void awaitRegistered(String rest, int taskManagers) throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    int registered = 0;
    while (System.nanoTime() < deadline) {
      registered = 0;
      for (JsonNode tm : get(rest, "/taskmanagers").path("taskmanagers")) {
        if (tm.path("status").asText().equals("REGISTERED")) {
          registered++;
        }
      }
      if (registered == taskManagers) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("Only " + registered + " of " + taskManagers + " TaskManagers registered within "
        + START_TIMEOUT.toSeconds() + " s");
  }

  /** Polls the job until it has ended; returns its details, or fails naming why the job did not finish. */
  private JsonNode awaitEnd(String rest, String id) throws Exception {
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode details = get(rest, "/jobs/" + id);
      switch (details.path("status").asText()) {
        case "FINISHED":
          return details;
        case "FAILED", "CANCELED":
          throw new IllegalStateException("The job ended " + details.path("status").asText() + ": "
              + get(rest, "/jobs/" + id + "/exceptions"));
        default:
          // The span is measured by the probes, not by this loop: polling rarely keeps the JobManager
          // and this JVM off the cores the TaskManagers run on.
          Thread.sleep(POLL_INTERVAL_MS);
      }
    }
    throw new IllegalStateException("The job did not finish within " + JOB_TIMEOUT.toMinutes() + " minutes");
  }

  /** Fails unless the subtasks of each vertex ran on as many different TaskManagers as there are subtasks. */
  private static void checkPlacement(JsonNode details, int parallelism) {
    for (JsonNode vertex : details.path("vertices")) {
      Set<String> taskManagers = new HashSet<>();
      vertex.path("subtasks").forEach(s -> taskManagers.add(s.path("taskManager").asText()));
      if (taskManagers.size() != parallelism) {
        throw new IllegalStateException("The subtasks of vertex '" + vertex.path("name").asText()
            + "' did not run on " + parallelism + " different TaskManagers: " + vertex.path("subtasks"));
      }
    }
  }

  /** Seconds from the job's first RUNNING transition to FINISHED, from the JobManager's timestamps. */
  private static double runningToFinished(JsonNode details) {
    Instant running = null;
    Instant finished = null;
    for (JsonNode t : details.path("transitions")) {
      String to = t.path("to").asText();
      if (to.equals("RUNNING") && running == null) {
        running = Instant.parse(t.path("at").asText());
      } else if (to.equals("FINISHED")) {
        finished = Instant.parse(t.path("at").asText());
      }
    }
    return running == null || finished == null ? Double.NaN : Duration.between(running, finished).toNanos() / 1e9;
  }

  /** The TaskManager's {@value #SENT_BYTES}, from its Prometheus text. */
  private long sentBytes(String host, int metricsPort) throws Exception {
    String text = send("http://" + host + ":" + metricsPort + "/metrics");
    for (String line : text.split("\n")) {
      if (line.startsWith(SENT_BYTES + " ") || line.startsWith(SENT_BYTES + "{")) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new IllegalStateException("No " + SENT_BYTES + " in the metrics of the TaskManager at " + host + ":"
        + metricsPort);
  }

  private JsonNode get(String rest, String path) throws Exception {
    return JSON.readTree(send("http://" + rest + path));
  }

  private String send(String uri) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /**
   * A jar of {@code main} (named as its Main-Class) and {@code more}, each class with its nested
   * and anonymous classes, read from wherever this module's classes are: a folder or a jar.
   */
  static Path jobJar(Path jar, Class<?> main, Class<?>... more) throws IOException, URISyntaxException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
    List<Class<?>> classes = new ArrayList<>(List.of(main));
    classes.addAll(List.of(more));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      for (Class<?> c : classes) {
        String prefix = c.getName().replace('.', '/');
        for (String entry : classFiles(c, prefix)) {
          try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            out.write(in.readAllBytes());
            out.closeEntry();
          }
        }
      }
    }
    return jar;
  }

  /** The resource names of class {@code c} and of the classes nested in it. */
  private static List<String> classFiles(Class<?> c, String prefix) throws IOException, URISyntaxException {
    Path source = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(source)) {
      try (Stream<Path> files = Files.walk(source)) {
        files.map(f -> source.relativize(f).toString().replace('\\', '/')).forEach(names::add);
      }
    } else {
      try (JarFile jarFile = new JarFile(source.toFile())) {
        for (Enumeration<JarEntry> e = jarFile.entries(); e.hasMoreElements(); ) {
          names.add(e.nextElement().getName());
        }
      }
    }
    return names.stream().filter(n -> n.equals(prefix + ".class") || n.startsWith(prefix + "$") && n.endsWith(".class"))
        .sorted().toList();
  }

  /** The last lines of every process's log, to explain a failed run. */
  String logTails(int lines) throws IOException {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.list(work)) {
      for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        b.append("==== ").append(log.getFileName()).append(" ====\n");
        all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> b.append(l).append('\n'));
      }
    }
    return b.toString();
  }

  /**
   * Asks each process to stop (SIGTERM: its shutdown hooks run, and a profiler attached to it
   * writes its output), then kills those still there after {@link #STOP_GRACE}.
   */
  private void kill() {
    processes.forEach(Process::destroy);
    for (Process p : processes) {
      try {
        if (!p.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Kills the processes; deletes the work folder unless the run failed. */
  @Override
  public void close() throws IOException {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs anyway
    }
    if (!failed) {
      deleteTree(work);
    }
  }

  /** Deletes {@code folder} and everything in it. */
  static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
