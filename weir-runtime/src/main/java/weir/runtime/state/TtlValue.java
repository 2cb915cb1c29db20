package weir.runtime.state;

import javax.annotation.Nullable;

/**
 * A value of state with time-to-live, with the time it was last accessed (on the state's TTL
 * clock). Object-kept TTL states hold these: a value state one per key, a list state one per
 * element, a map state one per map value. Binary-kept ones hold the bytes of {@link
 * TtlValueSerializer}.
 *
 * <p>Mutable so that a read that extends the value's life costs no allocation; instances belong
 * to their state table. Owned by the subtask's thread.
 *
 * @param <T> the user's value type
 */
final class TtlValue<T> {
  @Nullable T value;
  long lastAccess;

  TtlValue(@Nullable T value, long lastAccess) {
    this.value = value;
    this.lastAccess = lastAccess;
  }

  @Override
  public String toString() {
    return "TtlValue{" + value + " @" + lastAccess + "}";
  }
}
