package weir.bench.checkpoints;

import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.WriterInitContext;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.AbstractRichFunction;
import weir.api.functions.MapFunction;
import weir.api.functions.RuntimeContext;
import weir.api.tuple.Tuple2;
import weir.bench.foundation.CheckpointSettings;
import weir.bench.foundation.WeirPipelines;

/**
 * The recovery job on Weir's embedded engine, written to match {@link FlinkRecovery}: the
 * foundation's keyed pipeline ({@link WeirPipelines#runningSums}) with a failing map after the
 * source, checkpoints and a fixed-delay restart with delay 0 as {@link WeirPipelines#environment}
 * sets them, and a sink recording the last sum per key. A failure restarts the whole job from the
 * latest completed checkpoint.
 */
public final class WeirRecovery implements RecoveryRunner {

  @Override
  public long run(long records, int parallelism, CheckpointSettings checkpoints, long failAfter)
      throws Exception {
    StreamExecutionEnvironment env = WeirPipelines.environment(parallelism, checkpoints);
    DataStream<Long> indices = WeirPipelines.indices(env, records).map(new FailingMap(failAfter)).name("fail-once");
    WeirPipelines.runningSums(indices).sinkTo(new RecordingSink()).name("record-sums");
    long executeCalled = System.nanoTime();
    env.execute("recovery");
    return executeCalled;
  }

  /** Passes indices on; throws once, as its {@link RecoveryProbes.FailureTrigger} says. */
  private static final class FailingMap extends AbstractRichFunction implements MapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final long failAfter;
    private transient RecoveryProbes.FailureTrigger trigger;

    FailingMap(long failAfter) {
      this.failAfter = failAfter;
    }

    @Override
    public void open(RuntimeContext context) {
      trigger = new RecoveryProbes.FailureTrigger(context.getAttemptNumber(), failAfter / context.getParallelism());
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
      return new Writer(new RecoveryProbes.SumRecorder(context.getAttemptNumber()));
    }

    private static final class Writer implements SinkWriter<Tuple2<Long, Long>> {
      private final RecoveryProbes.SumRecorder recorder;

      Writer(RecoveryProbes.SumRecorder recorder) {
        this.recorder = recorder;
      }

      @Override
      public void write(Tuple2<Long, Long> sum) {
        recorder.record(sum.f0(), sum.f1());
      }

      @Override
      public void flush(boolean endOfInput) {
        if (endOfInput) {
          recorder.end();
        }
      }

      @Override
      public void close() {
        recorder.end();
      }
    }
  }
}
