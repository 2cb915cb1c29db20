package weir.bench.foundation;

import java.time.Duration;
import java.util.Locale;

/**
 * Runs one foundation pipeline on one engine in this JVM and prints one machine-readable line:
 *
 * <pre>
 * RESULT engine=flink pipeline=stateless records=100000000 checkpointIntervalMs=0 seconds=… recordsPerSec=… startupMs=… sinkCount=… checkpoints=… checkpointsTotal=… wallMs=…
 * </pre>
 *
 * <p>Usage: {@code BenchMain --engine flink|weir --pipeline stateless|keyed [--records N]
 * [--parallelism P] [--checkpoint-interval MS]}. After the run the sink count is checked against
 * the count computed from {@link Generator}; a mismatch exits with status 2 and no RESULT line.
 *
 * <p>With {@code --checkpoint-interval}, the job takes a checkpoint every so many milliseconds
 * ({@link CheckpointSettings}) into a new folder in the temporary directory, deleted after the
 * run. {@code checkpoints} counts the checkpoints completed from the first record to the last
 * record at the sink, {@code checkpointsTotal} all the job completed (including those after the
 * last record, such as the final checkpoint of a bounded job); both come from the engine, through
 * the source's split enumerator ({@link CheckpointProbes}).
 */
public final class BenchMain {

  /** The Weir side, loaded by reflection so that this module builds before it exists. */
  static final String WEIR_RUNNER = "weir.bench.foundation.WeirPipelines";

  private static final String USAGE =
      "usage: BenchMain --engine flink|weir --pipeline stateless|keyed"
          + " [--records N] [--parallelism P] [--checkpoint-interval MS]\n"
          + "  defaults: --records 100000000 (stateless) / 50000000 (keyed), --parallelism 2,"
          + " no checkpoints";

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchArgs options =
        BenchArgs.parse(
            USAGE, args, "--engine", "--pipeline", "--records", "--parallelism", "--checkpoint-interval");
    String engine = options.required("--engine");
    String pipeline = options.required("--pipeline");
    if (!pipeline.equals(PipelineRunner.STATELESS) && !pipeline.equals(PipelineRunner.KEYED)) {
      options.fail("--pipeline must be stateless or keyed, got " + pipeline);
    }
    long records =
        options.positive(
            "--records", pipeline.equals(PipelineRunner.STATELESS) ? 100_000_000L : 50_000_000L);
    int parallelism = Math.toIntExact(options.positive("--parallelism", 2));
    CheckpointSettings checkpoints =
        options.has("--checkpoint-interval")
            ? CheckpointSettings.inTemporaryFolder(
                Duration.ofMillis(options.positive("--checkpoint-interval", 0)))
            : null;

    PipelineRunner runner =
        RunnerLoader.select(engine, FlinkPipelines::new, WEIR_RUNNER, PipelineRunner.class, options);
    CheckpointProbes.reset();
    long wallStart = System.nanoTime();
    RunResult r;
    try {
      r = runner.run(pipeline, records, parallelism, checkpoints);
    } finally {
      if (checkpoints != null) {
        checkpoints.deleteDirectory();
      }
    }
    long wallNanos = System.nanoTime() - wallStart;

    long expected =
        pipeline.equals(PipelineRunner.STATELESS)
            ? Generator.expectedStatelessCount(records)
            : Generator.expectedKeyedCount(records);
    if (r.sinkCount() != expected) {
      System.err.printf(
          "FAILED engine=%s pipeline=%s records=%d: sink received %d records, expected %d%n",
          engine, pipeline, records, r.sinkCount(), expected);
      System.exit(2);
    }
    if (!r.consistentWith(records)) {
      System.err.printf("FAILED engine=%s pipeline=%s: inconsistent timings %s%n", engine, pipeline, r);
      System.exit(2);
    }

    System.out.println(
        String.format(
            Locale.ROOT,
            "RESULT engine=%s pipeline=%s records=%d checkpointIntervalMs=%d seconds=%.3f"
                + " recordsPerSec=%.0f startupMs=%.1f sinkCount=%d checkpoints=%d checkpointsTotal=%d"
                + " wallMs=%.1f",
            engine,
            pipeline,
            records,
            checkpoints == null ? 0 : checkpoints.interval().toMillis(),
            r.seconds(),
            r.recordsPerSec(),
            r.startupMs(),
            r.sinkCount(),
            CheckpointProbes.completedBetween(r.firstRecordNanos(), r.endNanos()),
            CheckpointProbes.completed(),
            wallNanos / 1e6));
    // Engines may leave non-daemon threads behind (RPC, executors); the run is over.
    System.exit(0);
  }
}
