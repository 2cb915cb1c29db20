package weir.api.windowing.assigners;

import java.time.Duration;
import java.util.Objects;
import weir.api.eventtime.TimestampAssigner;

/** Checks of the sizes, slides, offsets and gaps that assigners are built with. */
final class AssignerArguments {
  private AssignerArguments() {}

  /** {@code duration} in milliseconds, which must be at least one. */
  static long positiveMillis(Duration duration, String assigner, String what) {
    long millis = Objects.requireNonNull(duration, what).toMillis();
    if (millis <= 0) {
      throw new IllegalArgumentException(assigner + " needs a " + what + " of at least 1 ms, but got " + duration);
    }
    return millis;
  }

  /** {@code offset} in milliseconds, whose absolute value must be below {@code bound} milliseconds. */
  static long offsetMillis(Duration offset, long bound, String assigner, String boundName) {
    long millis = Objects.requireNonNull(offset, "offset").toMillis();
    if (millis <= -bound || millis >= bound) {
      throw new IllegalArgumentException(assigner + " needs an offset whose absolute value is below the " + boundName
          + " (" + Duration.ofMillis(bound) + "), but got " + offset);
    }
    return millis;
  }

  /** Fails for a record without timestamp, which an event-time assigner cannot place. */
  static void requireTimestamp(long timestamp, String assigner) {
    if (timestamp == TimestampAssigner.NO_TIMESTAMP) {
      throw new IllegalStateException(assigner + " got a record without timestamp: event-time windows need"
          + " timestamps, so give the source a WatermarkStrategy (or call assignTimestampsAndWatermarks),"
          + " or use a processing-time assigner");
    }
  }
}
