package weir.runtime.operators;

import java.util.Objects;
import weir.api.datastream.OutputTag;
import weir.api.functions.ProcessJoinFunction;
import weir.runtime.time.RecordTimestamp;

/**
 * Hands joined pairs to a {@link ProcessJoinFunction} and is the context the function sees: one
 * reusable instance per operator, holding the timestamps of the pair being joined.
 */
final class IntervalJoinContext implements ProcessJoinFunction.Context {
  private final Output<?> output;
  private final RecordTimestamp timestamp;
  private long leftTimestamp;
  private long rightTimestamp;

  IntervalJoinContext(Output<?> output, RecordTimestamp timestamp) {
    this.output = output;
    this.timestamp = timestamp;
  }

  /**
   * Calls {@code function} with one pair; what it emits carries the later of both timestamps, and
   * the timestamp of the record in flight is restored afterwards.
   */
  <L, R, O> void join(ProcessJoinFunction<L, R, O> function, L left, R right, long leftTs, long rightTs, Output<O> out)
      throws Exception {
    leftTimestamp = leftTs;
    rightTimestamp = rightTs;
    long saved = timestamp.get();
    timestamp.set(getTimestamp());
    try {
      function.processElement(left, right, this, out);
    } finally {
      timestamp.set(saved);
    }
  }

  @Override
  public long getTimestamp() {
    return Math.max(leftTimestamp, rightTimestamp);
  }

  @Override
  public long getLeftTimestamp() {
    return leftTimestamp;
  }

  @Override
  public <X> void output(OutputTag<X> tag, X value) {
    output.collect(Objects.requireNonNull(tag, "ctx.output needs an OutputTag"), value);
  }

  @Override
  public long getRightTimestamp() {
    return rightTimestamp;
  }
}
