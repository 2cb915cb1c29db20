package weir.bench.checkpoints;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import weir.bench.foundation.CheckpointSettings;
import weir.bench.foundation.FlinkEndOfInputWriter;
import weir.bench.foundation.FlinkPipelines;

/**
 * The recovery job on Apache Flink's local MiniCluster, in this JVM: the foundation's keyed
 * pipeline ({@link FlinkPipelines#runningSums}) with a failing map after the source, checkpoints
 * and a fixed-delay restart with delay 0 as {@link FlinkPipelines#environment} sets them, and a
 * sink recording the last sum per key. A failure restarts the whole job (its one pipelined region)
 * from the latest completed checkpoint.
 */
public final class FlinkRecovery implements RecoveryRunner {

  @Override
  public long run(long records, int parallelism, CheckpointSettings checkpoints, long failAfter)
      throws Exception {
    StreamExecutionEnvironment env = FlinkPipelines.environment(parallelism, checkpoints);
    DataStream<Long> indices =
        FlinkPipelines.indices(env, records).map(new FailingMap(failAfter)).name("fail-once");
    FlinkPipelines.runningSums(indices).sinkTo(new RecordingSink()).name("record-sums");
    long executeCalled = System.nanoTime();
    env.execute("recovery");
    return executeCalled;
  }

  /** Passes indices on; throws once, as its {@link RecoveryProbes.FailureTrigger} says. */
  private static final class FailingMap extends RichMapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final long failAfter;
    private transient RecoveryProbes.FailureTrigger trigger;

    FailingMap(long failAfter) {
      this.failAfter = failAfter;
    }

    @Override
    public void open(OpenContext context) {
      var task = getRuntimeContext().getTaskInfo();
      trigger =
          new RecoveryProbes.FailureTrigger(
              task.getAttemptNumber(), failAfter / task.getNumberOfParallelSubtasks());
    }

    @Override
    public Long map(Long i) {
      trigger.onRecord();
      return i;
    }
  }

  /** Records every running sum with a {@link RecoveryProbes.SumRecorder}. */
  private static final class RecordingSink implements Sink<Tuple2<Long, Long>> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<Tuple2<Long, Long>> createWriter(WriterInitContext context) {
      return new Writer(new RecoveryProbes.SumRecorder(context.getTaskInfo().getAttemptNumber()));
    }

    private static final class Writer extends FlinkEndOfInputWriter<Tuple2<Long, Long>> {
      private final RecoveryProbes.SumRecorder recorder;

      Writer(RecoveryProbes.SumRecorder recorder) {
        this.recorder = recorder;
      }

      @Override
      public void write(Tuple2<Long, Long> sum, Context context) {
        recorder.record(sum.f0, sum.f1);
      }

      @Override
      protected void endOfInput() {
        recorder.end();
      }
    }
  }
}
