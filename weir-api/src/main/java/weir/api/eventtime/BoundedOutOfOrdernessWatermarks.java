package weir.api.eventtime;

import java.time.Duration;
import weir.api.annotation.Public;

/**
 * A periodic generator for records that arrive at most a fixed time out of order: the watermark
 * trails the highest timestamp seen by that bound (minus one millisecond, so that records with
 * exactly the bound's delay are still on time).
 *
 * @param <T> the record type
 * @since 0.1
 */
@Public
public class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {
  private final long outOfOrderness;
  private long maxTimestamp;

  /** @param maxOutOfOrderness how late a record may be relative to the highest timestamp seen */
  public BoundedOutOfOrdernessWatermarks(Duration maxOutOfOrderness) {
    if (maxOutOfOrderness.isNegative()) {
      throw new IllegalArgumentException("The maximum out-of-orderness must not be negative, but was " + maxOutOfOrderness);
    }
    this.outOfOrderness = maxOutOfOrderness.toMillis();
    // the first watermark is the lowest possible; nothing has been seen yet
    this.maxTimestamp = Long.MIN_VALUE + outOfOrderness + 1;
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    if (eventTimestamp > maxTimestamp) {
      maxTimestamp = eventTimestamp;
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    output.emitWatermark(new Watermark(maxTimestamp - outOfOrderness - 1));
  }
}
