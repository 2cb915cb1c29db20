package weir.runtime.task;

import weir.runtime.operators.StreamOperator;
import weir.runtime.time.StatusWatermarkValve;

/**
 * Hands the combined watermark and idleness of a subtask's inputs to its head operator. A class
 * of its own, not an inner one, because {@link NetworkInput} is instantiated as a hidden copy,
 * which inner classes could not refer to.
 */
final class HeadWatermarks implements StatusWatermarkValve.ValveOutput {
  private final StreamOperator head;

  HeadWatermarks(StreamOperator head) {
    this.head = head;
  }

  @Override
  public void emitWatermark(long watermark) throws Exception {
    head.processWatermark(watermark);
  }

  @Override
  public void emitWatermarkStatus(boolean idle) throws Exception {
    head.processWatermarkStatus(idle);
  }
}
