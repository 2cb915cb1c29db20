package weir.api.eventtime;

import java.time.Duration;
import weir.api.annotation.Public;

/**
 * A periodic generator for records whose timestamps never decrease within a split: the
 * watermark is the highest timestamp seen minus one millisecond.
 *
 * @param <T> the record type
 * @since 0.1
 */
@Public
public class AscendingTimestampsWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {
  public AscendingTimestampsWatermarks() {
    super(Duration.ZERO);
  }
}
