package weir.bench.cluster;

import java.nio.file.Path;
import javax.annotation.Nullable;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import weir.bench.foundation.CheckpointSettings;
import weir.bench.foundation.FlinkEndOfInputWriter;
import weir.bench.foundation.FlinkPipelines;

/**
 * The cluster benchmark's job on Apache Flink: a MiniCluster in this JVM with two TaskManagers of
 * one slot each, so that the two subtasks of every vertex run on different TaskManagers and the
 * keyBy exchange between them goes through Flink's Netty network stack (over the loopback
 * interface), as between Weir's TaskManager processes. The job matches {@link WeirRunningSumJob}:
 * the stock number sequence source ({@link FlinkPipelines#indices}) → {@code (i % 1M, 1)} →
 * keyBy → running sum ({@code reduce}) → a discarding sink, Flink's defaults otherwise
 * ({@link FlinkPipelines#environment}, with checkpoints as {@link CheckpointSettings} say).
 *
 * <p>Network bytes: the payload bytes that the input channels received from another TaskManager
 * (Flink's {@code numBytesInRemote}), summed over the subtasks by {@link FlinkRemoteBytesReporter}.
 */
final class FlinkClusterRun {
  private FlinkClusterRun() {}

  /** Runs the job to its end; returns the probes' figures and the remote bytes received. */
  static ClusterRunResult run(long records, int parallelism, @Nullable CheckpointSettings checkpoints, Path probes)
      throws Exception {
    StreamExecutionEnvironment env = FlinkPipelines.environment(parallelism, checkpoints);
    String folder = probes.toString();
    FlinkPipelines.indices(env, records)
        .map(new KeyedOne(folder)).name("generate")
        .keyBy(new KeySelector<Tuple2<Long, Long>, Long>() {
          @Override
          public Long getKey(Tuple2<Long, Long> r) {
            return r.f0;
          }
        })
        .reduce(new ReduceFunction<Tuple2<Long, Long>>() {
          @Override
          public Tuple2<Long, Long> reduce(Tuple2<Long, Long> acc, Tuple2<Long, Long> r) {
            return new Tuple2<>(acc.f0, acc.f1 + r.f1);
          }
        }).name("running-sum")
        .sinkTo(new ProbingDiscardingSink<>(folder)).name("discard");
    JobGraph job = env.getStreamGraph().getJobGraph();

    Configuration config = new Configuration();
    FlinkRemoteBytesReporter.configure(config);
    MiniClusterConfiguration cluster = new MiniClusterConfiguration.Builder()
        .setConfiguration(config)
        .setNumTaskManagers(parallelism)
        .setNumSlotsPerTaskManager(1)
        .build();
    FlinkRemoteBytesReporter.reset();
    long submitted;
    try (MiniCluster miniCluster = new MiniCluster(cluster)) {
      miniCluster.start();
      submitted = ClusterProbes.epochNanos();
      miniCluster.executeJobBlocking(job);
    }
    ClusterProbes.Measured m = ClusterProbes.read(probes);
    return new ClusterRunResult(records, m, submitted, FlinkRemoteBytesReporter.remoteBytes(), Double.NaN);
  }

  /** Index to record {@code (i % 1M, 1)}; stamps the subtask's first record. */
  private static final class KeyedOne implements MapFunction<Long, Tuple2<Long, Long>> {
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
      return new FlinkEndOfInputWriter<>() {
        private long count;

        @Override
        public void write(T element, Context context) {
          count++;
        }

        @Override
        protected void endOfInput() {
          ClusterProbes.markEnd(probes, count);
        }
      };
    }
  }
}
