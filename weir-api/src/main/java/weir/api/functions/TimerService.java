package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Reads time and sets timers for the current key. Timers are per key (and per window inside
 * window operators): setting the same time twice sets one timer. A timer fires once, in time
 * order, on the subtask's own thread, calling {@code onTimer} with its key as the current key.
 * Event-time timers fire when the watermark reaches their time; processing-time timers when the
 * subtask's clock does.
 *
 * <p>Only keyed functions may set timers; the others may read time.
 *
 * @since 0.1
 */
@Public
public interface TimerService {
  /** The message of the error for setting a timer outside a keyed stream. */
  String UNSUPPORTED_REGISTER_TIMER_MSG =
      "Setting timers is only supported on keyed streams; apply keyBy(...) before process(...)";

  /** The subtask's current processing time in milliseconds. */
  long currentProcessingTime();

  /** The subtask's current watermark; {@code Long.MIN_VALUE} before the first one. */
  long currentWatermark();

  /** Sets a processing-time timer for the current key. */
  void registerProcessingTimeTimer(long time);

  /** Sets an event-time timer for the current key. */
  void registerEventTimeTimer(long time);

  /** Removes a processing-time timer of the current key; nothing happens if none is set. */
  void deleteProcessingTimeTimer(long time);

  /** Removes an event-time timer of the current key; nothing happens if none is set. */
  void deleteEventTimeTimer(long time);
}
