package weir.bench.cluster;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import weir.bench.foundation.BenchArgs;
import weir.bench.foundation.CheckpointSettings;

/**
 * Runs the cluster benchmark once on one engine and prints one machine-readable line:
 *
 * <pre>
 * RESULT engine=weir records=10000000 parallelism=2 checkpointIntervalMs=0 seconds=… recordsPerSec=… startupMs=… sinkCount=… networkBytes=… bytesPerRecord=… jobSeconds=… wallMs=…
 * </pre>
 *
 * <p>The keyed running sum (record {@code i} is {@code (i % 1M, 1)}, keyBy, running sum, discard)
 * at parallelism P over P TaskManagers of one slot each, so that the keyBy exchange crosses the
 * network: Weir's as separate processes ({@link WeirClusterRun}), Flink's in a MiniCluster in this
 * JVM ({@link FlinkClusterRun}). {@code seconds} runs from the first record (the earliest over the
 * generating subtasks) to the last record at the sink (the latest over the sink subtasks), in
 * wall-clock time shared by the processes; {@code startupMs} from just before the job is handed to
 * the cluster to the first record. {@code networkBytes}: payload bytes sent between TaskManagers
 * (Weir: {@code weir_network_sent_bytes_total} of all TaskManagers; Flink: {@code
 * numBytesInRemote} of all tasks), {@code bytesPerRecord} that over the source records.
 * {@code jobSeconds}: Weir's JobManager's span from RUNNING to FINISHED, deployment and tear-down
 * included (NaN for Flink). A wrong sink count exits with status 2 and no RESULT line.
 */
public final class ClusterBenchMain {
  private static final String USAGE =
      "usage: ClusterBenchMain --engine weir|flink [--records N] [--parallelism P] [--checkpoint-interval MS]\n"
          + "    [--cluster-classpath CP] [--taskmanager-jvm-flags FLAGS] [--jobmanager-jvm-flags FLAGS]\n"
          + "  defaults: --records 10000000, --parallelism 2, no checkpoints; Weir's processes run with\n"
          + "  --cluster-classpath (default: this JVM's class path), the TaskManagers with\n"
          + "  --taskmanager-jvm-flags (space-separated; default: this JVM's heap flags), the JobManager with\n"
          + "  --jobmanager-jvm-flags (default -Xmx512m)";

  private ClusterBenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchArgs options = BenchArgs.parse(USAGE, args, "--engine", "--records", "--parallelism",
        "--checkpoint-interval", "--cluster-classpath", "--taskmanager-jvm-flags", "--jobmanager-jvm-flags");
    String engine = options.required("--engine");
    long records = options.positive("--records", 10_000_000L);
    int parallelism = Math.toIntExact(options.positive("--parallelism", 2));
    long intervalMs = options.has("--checkpoint-interval") ? options.positive("--checkpoint-interval", 0) : 0;

    long wallStart = System.nanoTime();
    ClusterRunResult r;
    switch (engine) {
      case "weir" -> r = runWeir(options, records, parallelism, intervalMs);
      case "flink" -> r = runFlink(records, parallelism, intervalMs);
      default -> {
        options.fail("--engine must be weir or flink, got " + engine);
        return;
      }
    }
    long wallNanos = System.nanoTime() - wallStart;

    ClusterProbes.Measured m = r.probes();
    if (m.sinkCount() != records || m.firstReports() != parallelism || m.endReports() != parallelism) {
      System.err.printf("FAILED engine=%s records=%d: the sink received %d records, expected %d; %d generating and %d"
          + " sink subtasks reported, expected %d each%n", engine, records, m.sinkCount(), records, m.firstReports(),
          m.endReports(), parallelism);
      System.exit(2);
    }
    System.out.println(String.format(Locale.ROOT,
        "RESULT engine=%s records=%d parallelism=%d checkpointIntervalMs=%d seconds=%.3f recordsPerSec=%.0f"
            + " startupMs=%.1f sinkCount=%d networkBytes=%d bytesPerRecord=%.2f jobSeconds=%.3f wallMs=%.1f",
        engine, records, parallelism, intervalMs, r.seconds(), r.recordsPerSec(), r.startupMs(), m.sinkCount(),
        r.networkBytes(), r.bytesPerRecord(), r.jobSeconds(), wallNanos / 1e6));
    // Flink may leave non-daemon threads behind; the run is over.
    System.exit(0);
  }

  private static ClusterRunResult runWeir(BenchArgs options, long records, int parallelism, long intervalMs)
      throws Exception {
    String classPath = options.has("--cluster-classpath")
        ? options.required("--cluster-classpath") : System.getProperty("java.class.path");
    List<String> tmFlags = options.has("--taskmanager-jvm-flags")
        ? flags(options.required("--taskmanager-jvm-flags")) : heapFlagsOfThisJvm();
    List<String> jmFlags = options.has("--jobmanager-jvm-flags")
        ? flags(options.required("--jobmanager-jvm-flags")) : List.of("-Xmx512m");
    Path work = Files.createTempDirectory("weir-bench-cluster-");
    try (WeirClusterRun cluster = new WeirClusterRun(work, absolute(classPath), jmFlags, tmFlags)) {
      try {
        return cluster.run(records, parallelism, intervalMs);
      } catch (Exception e) {
        System.err.println(cluster.logTails(30));
        System.err.println("The processes' logs are kept in " + work);
        throw e;
      }
    }
  }

  private static ClusterRunResult runFlink(long records, int parallelism, long intervalMs) throws Exception {
    CheckpointSettings checkpoints =
        intervalMs > 0 ? CheckpointSettings.inTemporaryFolder(Duration.ofMillis(intervalMs)) : null;
    Path probes = Files.createTempDirectory("weir-bench-cluster-probes-");
    try {
      return FlinkClusterRun.run(records, parallelism, checkpoints, probes);
    } finally {
      if (checkpoints != null) {
        checkpoints.deleteDirectory();
      }
      WeirClusterRun.deleteTree(probes);
    }
  }

  private static List<String> flags(String text) {
    return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  /** The heap flags this JVM was started with: the benchmark's flags for every engine. */
  private static List<String> heapFlagsOfThisJvm() {
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-Xms") || a.startsWith("-Xmx") || a.equals("-XX:+AlwaysPreTouch"))
        .toList();
  }

  /** The class path with relative entries made absolute, since the processes run in other folders. */
  private static String absolute(String classPath) {
    return Stream.of(classPath.split(File.pathSeparator)).filter(s -> !s.isEmpty())
        .map(s -> Path.of(s).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
  }
}
