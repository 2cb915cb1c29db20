package weir.api.eventtime;

import weir.api.annotation.Public;

/**
 * Extracts a record's event timestamp.
 *
 * @param <T> the record type
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface TimestampAssigner<T> {
  /** What {@code recordTimestamp} is when the record has no timestamp yet. */
  long NO_TIMESTAMP = Long.MIN_VALUE;

  /**
   * The event timestamp of {@code element} in milliseconds since the epoch.
   *
   * @param recordTimestamp the timestamp the record carries already (from its source), or {@link
   *     #NO_TIMESTAMP}
   */
  long extractTimestamp(T element, long recordTimestamp);
}
