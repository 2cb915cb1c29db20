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

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    String engine = null;
    String pipeline = null;
    long records = -1;
    int parallelism = 2;
    for (int a = 0; a < args.length; a++) {
      String arg = args[a];
      switch (arg) {
        case "--engine" -> engine = value(args, ++a, arg);
        case "--pipeline" -> pipeline = value(args, ++a, arg);
        case "--records" -> records = Long.parseLong(value(args, ++a, arg).replace("_", ""));
        case "--parallelism" -> parallelism = Integer.parseInt(value(args, ++a, arg));
        case "-h", "--help" -> {
          usage(null);
          return;
        }
        default -> usage("unknown argument: " + arg);
      }
    }
    if (engine == null) {
      usage("--engine is required");
    }
    if (pipeline == null) {
      usage("--pipeline is required");
    }
    if (!pipeline.equals(PipelineRunner.STATELESS) && !pipeline.equals(PipelineRunner.KEYED)) {
      usage("--pipeline must be stateless or keyed, got " + pipeline);
    }
    if (records < 0) {
      records = pipeline.equals(PipelineRunner.STATELESS) ? 100_000_000L : 50_000_000L;
    }
    if (records < 1 || parallelism < 1) {
      usage("--records and --parallelism must be positive");
    }

    PipelineRunner runner = runner(engine);
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
    if (r.records() != records
        || r.firstRecordNanos() < r.executeCalledNanos()
        || r.endNanos() <= r.firstRecordNanos()) {
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

  static PipelineRunner runner(String engine) throws ReflectiveOperationException {
    switch (engine) {
      case "flink":
        return new FlinkPipelines();
      case "weir":
        Class<?> c;
        try {
          c = Class.forName(WEIR_RUNNER);
        } catch (ClassNotFoundException e) {
          System.err.println(
              "engine 'weir' is not available: class "
                  + WEIR_RUNNER
                  + " was not found on the classpath. It must implement "
                  + PipelineRunner.class.getName()
                  + " and have a public no-argument constructor.");
          System.exit(3);
          return null;
        }
        if (!PipelineRunner.class.isAssignableFrom(c)) {
          System.err.println(
              "engine 'weir': " + WEIR_RUNNER + " does not implement " + PipelineRunner.class.getName());
          System.exit(3);
        }
        return (PipelineRunner) c.getDeclaredConstructor().newInstance();
      default:
        usage("--engine must be flink or weir, got " + engine);
        return null;
    }
  }

  private static String value(String[] args, int index, String flag) {
    if (index >= args.length) {
      usage(flag + " needs a value");
    }
    return args[index];
  }

  private static void usage(String error) {
    String text =
        "usage: BenchMain --engine flink|weir --pipeline stateless|keyed"
            + " [--records N] [--parallelism P]\n"
            + "  defaults: --records 100000000 (stateless) / 50000000 (keyed), --parallelism 2";
    if (error == null) {
      System.out.println(text);
      return;
    }
    System.err.println("error: " + error);
    System.err.println(text);
    System.exit(64);
  }
}
