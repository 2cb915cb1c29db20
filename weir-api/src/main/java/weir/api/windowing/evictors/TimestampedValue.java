package weir.api.windowing.evictors;

import java.util.Objects;
import javax.annotation.Nullable;
import weir.api.annotation.Public;

/**
 * A window element as an {@link Evictor} sees it: the record and its timestamp, if it has one.
 *
 * @param <T> the type of the record
 * @since 0.1
 */
@Public
public final class TimestampedValue<T> {
  private final T value;
  private final long timestamp;
  private final boolean hasTimestamp;

  /** A value without timestamp. */
  public TimestampedValue(T value) {
    this.value = value;
    this.timestamp = 0;
    this.hasTimestamp = false;
  }

  /** A value with {@code timestamp}. */
  public TimestampedValue(T value, long timestamp) {
    this.value = value;
    this.timestamp = timestamp;
    this.hasTimestamp = true;
  }

  /** The record. */
  public T getValue() {
    return value;
  }

  /** The record's timestamp; meaningful only if {@link #hasTimestamp()}. */
  public long getTimestamp() {
    return timestamp;
  }

  /** Whether the record has a timestamp. */
  public boolean hasTimestamp() {
    return hasTimestamp;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TimestampedValue<?> other && other.hasTimestamp == hasTimestamp
        && other.timestamp == timestamp && Objects.equals(other.value, value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value) * 31 + Long.hashCode(timestamp);
  }

  @Override
  public String toString() {
    return hasTimestamp ? "TimestampedValue{" + value + " @ " + timestamp + "}" : "TimestampedValue{" + value + "}";
  }
}
