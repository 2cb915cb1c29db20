package weir.bench.nexmark;

import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.WriterInitContext;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.typeinfo.TypeInfo;
import weir.bench.foundation.WeirPipelines;
import weir.bench.source.WeirIndexedSource;

/**
 * A Nexmark benchmark run on Weir's embedded engine: the model's events from a {@link
 * WeirIndexedSource} with bounded-out-of-orderness watermarks, the query, and a sink that keeps a
 * {@link ResultDigest}, or, for a query that writes files (q10), its own file sink. {@link FlinkNexmark} is the same on Flink.
 */
final class WeirNexmark {
  private WeirNexmark() {}

  /** Runs {@code run} to its end. */
  static void run(NexmarkRun run) throws Exception {
    StreamExecutionEnvironment env = WeirPipelines.environment(run.parallelism(), run.checkpoints());
    env.getConfig().setAutoWatermarkInterval(run.watermarkInterval());
    NexmarkModel model = run.model();
    DataStream<NexmarkEvent> events = env.fromSource(
        new WeirIndexedSource<>(model::event, run.events(), run.pace()),
        WatermarkStrategy.<NexmarkEvent>forBoundedOutOfOrderness(run.watermarkDelay())
            .withTimestampAssigner((e, ts) -> e.eventTime()),
        TypeInfo.of(NexmarkEvent.class), "nexmark");
    if (run.query().writesFiles()) {
      run.query().weirToFiles(events, run.outputDirectory());
    } else {
      digest(run.query().weir(events), run);
    }
    env.execute("nexmark-" + run.query().label());
  }

  private static <T> void digest(DataStream<T> results, NexmarkRun run) {
    results.sinkTo(new DigestSink<>(run.digestSpec())).name("digest");
  }

  /** Folds each row into a {@link ResultDigest}, published at the end of input. */
  private static final class DigestSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private final ResultDigest.Spec spec;

    DigestSink(ResultDigest.Spec spec) {
      this.spec = spec;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      return new Writer<>(new ResultDigest(spec));
    }
  }

  private static final class Writer<T> implements SinkWriter<T> {
    private final ResultDigest digest;

    Writer(ResultDigest digest) {
      this.digest = digest;
    }

    @Override
    public void write(T row) {
      digest.add(row);
    }

    @Override
    public void flush(boolean endOfInput) {
      if (endOfInput) {
        NexmarkProbes.publish(digest);
      }
    }
  }
}
