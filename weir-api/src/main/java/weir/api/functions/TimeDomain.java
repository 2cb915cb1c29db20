package weir.api.functions;

import weir.api.annotation.Public;

/**
 * The clock a timer was set on.
 *
 * @since 0.1
 */
@Public
public enum TimeDomain {
  /** Fires when the watermark passes the timer's time. */
  EVENT_TIME,
  /** Fires when the subtask's processing-time clock reaches the timer's time. */
  PROCESSING_TIME
}
