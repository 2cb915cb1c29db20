package weir.bench.checkpoints;

import java.time.Duration;
import java.util.Locale;
import weir.bench.foundation.BenchArgs;
import weir.bench.foundation.CheckpointSettings;
import weir.bench.foundation.Generator;
import weir.bench.foundation.RunnerLoader;

/**
 * Runs the recovery job once on one engine in this JVM, measures the time from an injected
 * failure to the first record the restored job's sink receives, checks the result, and prints one
 * machine-readable line:
 *
 * <pre>
 * RESULT engine=weir records=… failAfter=… checkpointIntervalMs=… recoveryMs=… failedAtMs=… checkpointsBeforeFailure=… sinkCount=… wallMs=…
 * </pre>
 *
 * <p>Usage: {@code RecoveryBenchMain --engine flink|weir [--records N] [--fail-after N]
 * [--parallelism P] [--checkpoint-interval MS]}.
 *
 * <p>The job is the keyed running sum with checkpoints every {@code MS} milliseconds into a new
 * folder in the temporary directory (deleted after the run); a map fails once in the first
 * attempt, after about {@code failAfter} records and not before a checkpoint has completed
 * ({@link RecoveryProbes.FailureTrigger}), and the job restarts at once from its latest
 * checkpoint.
 *
 * <ul>
 *   <li>{@code recoveryMs}: from {@link System#nanoTime()} just before the failure is thrown to the
 *       first record a sink subtask of the restored attempt receives.
 *   <li>{@code failedAtMs}: from the call that starts the job to the failure (start-up included).
 *   <li>{@code sinkCount}: records the sink received in both attempts; those beyond
 *       {@code records} were processed again after the restore.
 * </ul>
 *
 * <p>Checks, after the job: the failure happened; the restored job's sink received records; and
 * exactly-once state: the last sum the sink received for every key equals that key's total
 * computed in a plain loop ({@link Generator#expectedKeyedSums}), so no record was lost or counted
 * twice in the restored state. A failed check exits with status 2 and no RESULT line.
 */
public final class RecoveryBenchMain {

  /** The Weir side, loaded like the other benchmarks' Weir sides. */
  static final String WEIR_RUNNER = "weir.bench.checkpoints.WeirRecovery";

  private static final String USAGE =
      "usage: RecoveryBenchMain --engine flink|weir [--records N] [--fail-after N]"
          + " [--parallelism P] [--checkpoint-interval MS]\n"
          + "  defaults: --records 10000000, --fail-after half the records, --parallelism 2,"
          + " --checkpoint-interval 1000";

  private RecoveryBenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchArgs options =
        BenchArgs.parse(
            USAGE, args, "--engine", "--records", "--fail-after", "--parallelism", "--checkpoint-interval");
    String engine = options.required("--engine");
    long records = options.positive("--records", 10_000_000L);
    long failAfter = options.positive("--fail-after", Math.max(1, records / 2));
    int parallelism = Math.toIntExact(options.positive("--parallelism", 2));
    long intervalMs = options.positive("--checkpoint-interval", 1000);
    if (failAfter >= records) {
      options.fail("--fail-after must be below --records, got " + failAfter + " >= " + records);
    }

    RecoveryRunner runner =
        RunnerLoader.select(engine, FlinkRecovery::new, WEIR_RUNNER, RecoveryRunner.class, options);
    CheckpointSettings checkpoints = CheckpointSettings.inTemporaryFolder(Duration.ofMillis(intervalMs));
    RecoveryProbes.reset();
    long wallStart = System.nanoTime();
    long executeCalled;
    try {
      executeCalled = runner.run(records, parallelism, checkpoints, failAfter);
    } finally {
      checkpoints.deleteDirectory();
    }
    long wallNanos = System.nanoTime() - wallStart;

    String problem = check(records);
    if (problem != null) {
      System.err.printf("FAILED engine=%s records=%d failAfter=%d: %s%n", engine, records, failAfter, problem);
      System.exit(2);
    }
    long failed = RecoveryProbes.failedNanos();
    System.out.println(
        String.format(
            Locale.ROOT,
            "RESULT engine=%s records=%d failAfter=%d checkpointIntervalMs=%d recoveryMs=%.1f failedAtMs=%.1f"
                + " checkpointsBeforeFailure=%d sinkCount=%d wallMs=%.1f",
            engine,
            records,
            failAfter,
            intervalMs,
            (RecoveryProbes.firstAfterRestoreNanos() - failed) / 1e6,
            (failed - executeCalled) / 1e6,
            RecoveryProbes.checkpointsBeforeFailure(),
            RecoveryProbes.sinkCount(),
            wallNanos / 1e6));
    // Engines may leave non-daemon threads behind (RPC, executors); the run is over.
    System.exit(0);
  }

  /** What is wrong with the outcome of the job that just ran, or {@code null}. */
  static String check(long records) {
    long failed = RecoveryProbes.failedNanos();
    if (failed == 0) {
      return "no failure was injected: the input ended before a map subtask had seen its share of"
          + " --fail-after records after a completed checkpoint; give more --records";
    }
    long first = RecoveryProbes.firstAfterRestoreNanos();
    if (first == 0 || first < failed) {
      return "the restored job's sink received no record after the failure (first=" + first + ")";
    }
    if (RecoveryProbes.sinkCount() < records) {
      return "the sink received " + RecoveryProbes.sinkCount() + " records over both attempts, fewer than the "
          + records + " of one run";
    }
    long[] expected = Generator.expectedKeyedSums(records);
    long[] actual = RecoveryProbes.lastSums();
    int wrong = 0;
    int firstWrong = -1;
    for (int k = 0; k < expected.length; k++) {
      if (expected[k] != actual[k]) {
        wrong++;
        if (firstWrong < 0) {
          firstWrong = k;
        }
      }
    }
    if (wrong > 0) {
      return wrong + " of " + expected.length + " keys end with a wrong sum, e.g. key " + firstWrong + ": "
          + actual[firstWrong] + " instead of " + expected[firstWrong] + " (not exactly-once)";
    }
    return null;
  }
}
