package weir.bench.cluster;

import java.nio.file.Path;
import java.time.Duration;
import weir.api.checkpoint.RestartStrategy;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.WriterInitContext;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.KeySelector;
import weir.api.functions.MapFunction;
import weir.api.tuple.Tuple2;

/**
 * The cluster benchmark's job on Weir, submitted as a jar to a JobManager: the number sequence
 * {@code 0 .. n-1} (the stock source of {@code fromSequence}) → {@code (i % 1M, 1)} →
 * keyBy(key) → running sum per key (one updated {@code (key, sum)} per record) → a discarding
 * sink. The generating map stamps its first record and the sink the end of its input into the
 * probe folder ({@link ClusterProbes}). It matches {@link FlinkClusterRun}'s job line by line.
 *
 * <p>Arguments: {@code records probe-folder [checkpoint-interval-ms checkpoint-folder]}. With a
 * checkpoint interval: aligned exactly-once checkpoints into the folder, a fixed-delay restart
 * with delay 0 (as {@code foundation.CheckpointSettings} on both engines).
 */
public final class WeirRunningSumJob {
  private WeirRunningSumJob() {}

  public static void main(String[] args) throws Exception {
    long records = Long.parseLong(args[0]);
    String probes = args[1];
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    if (args.length > 2) {
      env.enableCheckpointing(Duration.ofMillis(Long.parseLong(args[2])));
      env.getCheckpointConfig().setCheckpointDirectory(Path.of(args[3]));
      env.setRestartStrategy(RestartStrategy.fixedDelay(1, Duration.ZERO));
    }
    env.fromSequence(0, records - 1).name("indices")
        .map(new KeyedOne(probes)).name("generate")
        // an anonymous class, so that the key type is known to be Long (see WeirPipelines)
        .keyBy(new KeySelector<Tuple2<Long, Long>, Long>() {
          @Override
          public Long getKey(Tuple2<Long, Long> r) {
            return r.f0();
          }
        })
        .reduce((acc, r) -> new Tuple2<>(acc.f0(), acc.f1() + r.f1())).name("running-sum")
        .sinkTo(new ProbingDiscardingSink<>(probes)).name("discard");
    env.execute("cluster-running-sum");
  }

  /** Index to record {@code (i % 1M, 1)}; stamps the subtask's first record. */
  private static final class KeyedOne implements MapFunction<Long, Tuple2<Long, Long>> {
    private static final long serialVersionUID = 1L;
    private final String probes;
    private transient boolean seen;

    KeyedOne(String probes) {
      this.probes = probes;
    }

    @Override
    public Tuple2<Long, Long> map(Long i) {
      if (!seen) {
        seen = true;
        ClusterProbes.markFirst(probes);
      }
      return new Tuple2<>(ClusterProbes.key(i), 1L);
    }
  }

  /** Drops records, counting them; stamps the end of its input. */
  private static final class ProbingDiscardingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private final String probes;

    ProbingDiscardingSink(String probes) {
      this.probes = probes;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        private long count;

        @Override
        public void write(T element) {
          count++;
        }

        @Override
        public void flush(boolean endOfInput) {
          if (endOfInput) {
            ClusterProbes.markEnd(probes, count);
          }
        }
      };
    }
  }
}
