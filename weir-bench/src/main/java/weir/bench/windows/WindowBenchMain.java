package weir.bench.windows;

import java.util.Locale;
import weir.bench.foundation.BenchArgs;
import weir.bench.foundation.RunResult;
import weir.bench.foundation.RunnerLoader;

/**
 * Runs one window workload on one engine in this JVM and prints one machine-readable line:
 *
 * <pre>
 * RESULT engine=flink workload=sliding records=50000000 keys=100000 seconds=… recordsPerSec=…
 *     startupMs=… results=… checksum=… wallMs=…
 * </pre>
 *
 * <p>(one line in the output). Usage: {@code WindowBenchMain --engine flink|weir --workload
 * sliding|session [--records N] [--keys K] [--parallelism P] [--events-per-second R]}.
 *
 * <p>After the run, the sum of all window counts is checked against {@link
 * Workload#expectedCountTotal}, which holds only if no event was dropped as late; a mismatch
 * exits with status 2 and no RESULT line. {@code results} and {@code checksum} must be equal for
 * every engine given the same arguments (bench/windows.sh compares them). Exit status 3 means
 * the engine is not available ({@link RunnerLoader#ENGINE_UNAVAILABLE}).
 */
public final class WindowBenchMain {

  /** The Weir side, loaded by reflection so that this module builds before it exists. */
  static final String WEIR_RUNNER = "weir.bench.windows.WeirWindowPipelines";

  private static final String USAGE =
      "usage: WindowBenchMain --engine flink|weir --workload sliding|session [--records N]"
          + " [--keys K] [--parallelism P] [--events-per-second R]\n"
          + "  defaults: --records 50000000, --keys 100000, --parallelism 2,"
          + " --events-per-second 1000000 (of event time)";

  private WindowBenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchArgs options =
        BenchArgs.parse(
            USAGE, args,
            "--engine", "--workload", "--records", "--keys", "--parallelism", "--events-per-second");
    String engine = options.required("--engine");
    String label = options.required("--workload");
    Workload workload = Workload.byLabel(label);
    if (workload == null) {
      options.fail("--workload must be sliding or session, got " + label);
    }
    long records = options.positive("--records", 50_000_000L);
    long keys = options.positive("--keys", WindowEvents.DEFAULT_KEYS);
    long eventsPerSecond = options.positive("--events-per-second", WindowEvents.DEFAULT_EVENTS_PER_SECOND);
    int parallelism = Math.toIntExact(options.positive("--parallelism", 2));
    if (keys < WindowEvents.SESSION_GROUPS || keys > Integer.MAX_VALUE) {
      options.fail("--keys must be between " + WindowEvents.SESSION_GROUPS + " and " + Integer.MAX_VALUE);
    }
    WindowEvents events = new WindowEvents(workload, records, keys, eventsPerSecond);

    WindowPipelineRunner runner =
        RunnerLoader.select(
            engine, FlinkWindowPipelines::new, WEIR_RUNNER, WindowPipelineRunner.class, options);
    long wallStart = System.nanoTime();
    WindowRunResult result = runner.run(events, parallelism);
    long wallNanos = System.nanoTime() - wallStart;
    RunResult r = result.run();

    long expectedTotal = workload.expectedCountTotal(records);
    if (result.countTotal() != expectedTotal) {
      System.err.printf(
          "FAILED engine=%s workload=%s records=%d: the window counts add up to %d, expected %d"
              + " (events dropped as late, or counted twice)%n",
          engine, workload.label(), records, result.countTotal(), expectedTotal);
      System.exit(2);
    }
    if (!r.consistentWith(records) || r.sinkCount() < 1) {
      System.err.printf(
          "FAILED engine=%s workload=%s: inconsistent result %s%n", engine, workload.label(), result);
      System.exit(2);
    }

    System.out.println(
        String.format(
            Locale.ROOT,
            "RESULT engine=%s workload=%s records=%d keys=%d seconds=%.3f recordsPerSec=%.0f"
                + " startupMs=%.1f results=%d checksum=%016x wallMs=%.1f",
            engine,
            workload.label(),
            records,
            keys,
            r.seconds(),
            r.recordsPerSec(),
            r.startupMs(),
            r.sinkCount(),
            result.checksum(),
            wallNanos / 1e6));
    // Engines may leave non-daemon threads behind (RPC, executors); the run is over.
    System.exit(0);
  }
}
