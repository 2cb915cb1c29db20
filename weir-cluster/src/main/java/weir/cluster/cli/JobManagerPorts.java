package weir.cluster.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports a JobManager process printed once its servers were up ({@code JOBMANAGER rpc=…
 * rest=…} on its output), read from the file its output goes to.
 *
 * @param rpc the port of its gRPC server, for TaskManagers
 * @param rest the port of its REST API
 */
public record JobManagerPorts(int rpc, int rest) {
  private static final Pattern PORTS = Pattern.compile("JOBMANAGER rpc=(\\d+) rest=(\\d+)");

  /**
   * Waits until {@code jobManager} has printed its ports to {@code log}.
   *
   * @throws IllegalStateException when the process exits first or {@code timeout} passes; the
   *     message names the log
   */
  public static JobManagerPorts await(Process jobManager, Path log, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = PORTS.matcher(Files.exists(log) ? Files.readString(log) : "");
      if (m.find()) {
        return new JobManagerPorts(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
      if (!jobManager.isAlive()) {
        throw new IllegalStateException("The JobManager exited with code " + jobManager.exitValue() + "; see " + log);
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("The JobManager did not start within " + timeout.toSeconds() + " s; see " + log);
  }
}
