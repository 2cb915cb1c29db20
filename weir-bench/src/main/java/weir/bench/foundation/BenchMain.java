package weir.bench.foundation;

import java.util.Locale;

/**
 * Runs one foundation pipeline on one engine in this JVM and prints one machine-readable line:
 *
 * <pre>
 * RESULT engine=flink pipeline=stateless records=100000000 seconds=… recordsPerSec=… startupMs=… sinkCount=… wallMs=…
 * </pre>
 *
 * <p>Usage: {@code BenchMain --engine flink|weir --pipeline stateless|keyed [--records N]
 * [--parallelism P]}. After the run the sink count is checked against the count computed from
 * {@link Generator}; a mismatch exits with status 2 and no RESULT line.
 */
public final class BenchMain {

  /** The Weir side, loaded by reflection so that this module builds before it exists. */
  static final String WEIR_RUNNER = "weir.bench.foundation.WeirPipelines";

  private static final String USAGE =
      "usage: BenchMain --engine flink|weir --pipeline stateless|keyed"
          + " [--records N] [--parallelism P]\n"
          + "  defaults: --records 100000000 (stateless) / 50000000 (keyed), --parallelism 2";

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchArgs options =
        BenchArgs.parse(USAGE, args, "--engine", "--pipeline", "--records", "--parallelism");
    String engine = options.required("--engine");
    String pipeline = options.required("--pipeline");
    if (!pipeline.equals(PipelineRunner.STATELESS) && !pipeline.equals(PipelineRunner.KEYED)) {
      options.fail("--pipeline must be stateless or keyed, got " + pipeline);
    }
    long records =
        options.positive(
            "--records", pipeline.equals(PipelineRunner.STATELESS) ? 100_000_000L : 50_000_000L);
    int parallelism = Math.toIntExact(options.positive("--parallelism", 2));

    PipelineRunner runner =
        RunnerLoader.select(engine, FlinkPipelines::new, WEIR_RUNNER, PipelineRunner.class, options);
    long wallStart = System.nanoTime();
    RunResult r = runner.run(pipeline, records, parallelism);
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
            "RESULT engine=%s pipeline=%s records=%d seconds=%.3f recordsPerSec=%.0f startupMs=%.1f"
                + " sinkCount=%d wallMs=%.1f",
            engine,
            pipeline,
            records,
            r.seconds(),
            r.recordsPerSec(),
            r.startupMs(),
            r.sinkCount(),
            wallNanos / 1e6));
    // Engines may leave non-daemon threads behind (RPC, executors); the run is over.
    System.exit(0);
  }
}
