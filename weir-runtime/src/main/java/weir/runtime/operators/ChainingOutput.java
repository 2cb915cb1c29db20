package weir.runtime.operators;

import weir.api.datastream.OutputTag;

/** Feeds the next operator of a chain by a direct call: no queue, no copy. */
public final class ChainingOutput<T> implements Output<T>, CountedOutput {
  private final OneInputOperator<T> next;
  private long records;

  public ChainingOutput(OneInputOperator<T> next) {
    this.next = next;
  }

  @Override
  public void collect(T record) {
    records++;
    try {
      next.processElement(record);
    } catch (Exception e) {
      throw OperatorFailure.of(next.name(), e);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X record) {}

  @Override
  public long records() {
    return records;
  }

  @Override
  public void emitWatermark(long watermark) {
    try {
      next.processWatermark(watermark);
    } catch (Exception e) {
      throw OperatorFailure.of(next.name(), e);
    }
  }

  @Override
  public void emitWatermarkStatus(boolean idle) {
    try {
      next.processWatermarkStatus(idle);
    } catch (Exception e) {
      throw OperatorFailure.of(next.name(), e);
    }
  }
}
