package weir.testing;

import javax.annotation.Nullable;

/**
 * A record an operator under test emitted, with the event timestamp it carried ({@code null}
 * when it had none).
 *
 * @param <T> the record type
 * @since 0.1
 */
public record TimestampedRecord<T>(T value, @Nullable Long timestamp) {
  /** A record with a timestamp, for comparing with what a harness collected. */
  public static <T> TimestampedRecord<T> of(T value, long timestamp) {
    return new TimestampedRecord<>(value, timestamp);
  }
}
