package weir.cluster.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import weir.cluster.config.ClusterConfig;

/**
 * A cluster on this machine: a JobManager and TaskManagers started as child processes of the
 * same class path, their output in one folder, their process ids in {@value #PIDS} there so that
 * {@link #stop} finds them again from another process.
 */
final class LocalCluster {
  /** The file, in the cluster's folder, that lists the processes' ids. */
  static final String PIDS = "cluster.pids";
  private static final Pattern REGISTERED = Pattern.compile("\"status\":\"REGISTERED\"");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private LocalCluster() {}

  /** Why a local cluster cannot start or stop, with what to do about it. */
  static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message);
    }
  }

  /**
   * Starts a JobManager and {@code taskManagers} TaskManagers, each given {@code configArgs}
   * (which {@code config} was read from), and waits until all have registered; returns the REST
   * address.
   *
   * @throws Problem naming the log to read when a process fails to start
   */
  static String start(Path dir, int taskManagers, ClusterConfig config, List<String> configArgs)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path pids = dir.resolve(PIDS);
    if (Files.exists(pids) && readPids(pids).stream().anyMatch(pid -> ProcessHandle.of(pid).isPresent())) {
      throw new Problem("A local cluster is already running from " + dir
          + " (see " + pids + "); stop it first with: weir cluster stop --dir " + dir);
    }
    List<Long> started = new ArrayList<>();
    try {
      List<String> jm = new ArrayList<>(List.of("jobmanager"));
      jm.addAll(configArgs);
      Process jobManager = launch(dir.resolve("jobmanager.log"), jm);
      started.add(jobManager.pid());
      writePids(pids, started);
      JobManagerPorts ports;
      try {
        ports = JobManagerPorts.await(jobManager, dir.resolve("jobmanager.log"), START_TIMEOUT);
      } catch (IllegalStateException e) {
        throw new Problem(e.getMessage());
      }
      String host = config.get(ClusterConfig.JOBMANAGER_HOST);
      for (int i = 1; i <= taskManagers; i++) {
        List<String> tm = new ArrayList<>(List.of("taskmanager", "--jobmanager", host + ":" + ports.rpc(),
            "--id", "taskmanager-" + i));
        tm.addAll(configArgs);
        tm.add("-Dprocess.log-file=" + dir.resolve("taskmanager-" + i + ".log").toAbsolutePath());
        started.add(launch(dir.resolve("taskmanager-" + i + ".log"), tm).pid());
        writePids(pids, started);
      }
      String rest = "http://" + host + ":" + ports.rest();
      awaitRegistered(rest, taskManagers, dir);
      return rest;
    } catch (IOException | RuntimeException | InterruptedException e) {
      kill(started, Duration.ofSeconds(5));
      Files.deleteIfExists(pids);
      throw e;
    }
  }

  /** Stops the processes of the cluster started from {@code dir}; returns how many were running. */
  static int stop(Path dir) throws IOException {
    Path pids = dir.resolve(PIDS);
    if (!Files.exists(pids)) {
      throw new Problem("No local cluster was started from " + dir + " (no " + PIDS + " there)");
    }
    int running = kill(readPids(pids), Duration.ofSeconds(10));
    Files.delete(pids);
    return running;
  }

  /** Asks each process to stop, then kills those still there after {@code grace}. */
  private static int kill(List<Long> pids, Duration grace) {
    List<ProcessHandle> handles = pids.stream().map(ProcessHandle::of).flatMap(Optional::stream).toList();
    handles.forEach(ProcessHandle::destroy);
    for (ProcessHandle h : handles) {
      try {
        h.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        h.destroyForcibly();
      }
    }
    return handles.size();
  }

  private static Process launch(Path log, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), WeirCli.class.getName()));
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  private static void awaitRegistered(String rest, int taskManagers, Path dir) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    int registered = 0;
    while (System.nanoTime() < deadline) {
      try {
        String body = http.send(HttpRequest.newBuilder(URI.create(rest + "/taskmanagers")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        registered = (int) REGISTERED.matcher(body).results().count();
        if (registered >= taskManagers) {
          return;
        }
      } catch (IOException e) {
        // the REST API is not up yet
      }
      Thread.sleep(100);
    }
    throw new Problem("Only " + registered + " of " + taskManagers + " TaskManagers registered within "
        + START_TIMEOUT.toSeconds() + " s; see the taskmanager-*.log files in " + dir);
  }

  private static List<Long> readPids(Path pids) throws IOException {
    return Files.readAllLines(pids).stream().map(String::trim).filter(s -> !s.isEmpty()).map(Long::parseLong).toList();
  }

  private static void writePids(Path pids, List<Long> started) throws IOException {
    Files.write(pids, started.stream().map(String::valueOf).toList());
  }
}
