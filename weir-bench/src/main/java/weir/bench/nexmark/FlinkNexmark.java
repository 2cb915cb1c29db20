package weir.bench.nexmark;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import weir.bench.foundation.FlinkEndOfInputWriter;
import weir.bench.foundation.FlinkPipelines;
import weir.bench.source.FlinkIndexedSource;

/**
 * A Nexmark benchmark run on Flink's local MiniCluster: the model's events from a {@link
 * FlinkIndexedSource} with bounded-out-of-orderness watermarks, the query, and a sink that keeps a
 * {@link ResultDigest}, or, for a query that writes files (q10), its own file sink. {@link WeirNexmark} is the same on Weir.
 */
final class FlinkNexmark {
  private FlinkNexmark() {}

  /** Runs {@code run} to its end. */
  static void run(NexmarkRun run) throws Exception {
    StreamExecutionEnvironment env = FlinkPipelines.environment(run.parallelism(), run.checkpoints());
    env.getConfig().setAutoWatermarkInterval(run.watermarkInterval().toMillis());
    NexmarkModel model = run.model();
    DataStream<NexmarkEvent> events = env.fromSource(
        new FlinkIndexedSource<>(model::event, run.events(), run.pace(), TypeInformation.of(NexmarkEvent.class)),
        WatermarkStrategy.<NexmarkEvent>forBoundedOutOfOrderness(run.watermarkDelay())
            .withTimestampAssigner((e, ts) -> e.eventTime()),
        "nexmark");
    if (run.query().writesFiles()) {
      run.query().flinkToFiles(events, run.outputDirectory());
    } else {
      digest(run.query().flink(events), run);
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

  private static final class Writer<T> extends FlinkEndOfInputWriter<T> {
    private final ResultDigest digest;

    Writer(ResultDigest digest) {
      this.digest = digest;
    }

    @Override
    public void write(T row, Context context) {
      digest.add(row);
    }

    @Override
    protected void endOfInput() {
      NexmarkProbes.publish(digest);
    }
  }
}
