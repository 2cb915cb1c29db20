package weir.runtime.time;

import java.util.ArrayList;
import java.util.List;

/**
 * The processing-time listeners of one subtask. The task reads its clock once per call and asks
 * this registry to fire what is due ({@link #advanceClock}), so processing time reaches operators
 * on the subtask's own thread, between records, and a test harness drives it with a clock it sets
 * by hand ({@link #advance}).
 *
 * <p>Owned by the subtask's thread.
 */
public final class ProcessingTimers {
  private final List<ProcessingTimeListener> listeners = new ArrayList<>();

  public void register(ProcessingTimeListener listener) {
    listeners.add(listener);
  }

  /** Fires every listener due at {@code now}; listeners may schedule more, which fire if due too. */
  public void advance(long now) throws Exception {
    for (int i = 0; i < listeners.size(); i++) {
      ProcessingTimeListener listener = listeners.get(i);
      if (listener.nextProcessingTime() <= now) {
        listener.onProcessingTime(now);
      }
    }
  }

  /**
   * Fires what is due when the wall clock reads {@code clock}: every listener waiting for a time
   * before it, as {@link #advance}{@code (clock - 1)}. A timer at t fires once the clock has passed
   * t, as an event-time timer at t fires at watermark t: while the clock reads t, records are still
   * processed at time t, and one may fall into a window whose last millisecond is t, which must not
   * have fired yet, or the window would fire twice. (Flink's system time service delays its timers
   * by 1 ms for the same reason.)
   */
  public void advanceClock(long clock) throws Exception {
    advance(clock - 1);
  }

  /** The earliest time any listener waits for, or {@code Long.MAX_VALUE}. */
  public long nextProcessingTime() {
    long next = Long.MAX_VALUE;
    for (int i = 0; i < listeners.size(); i++) {
      next = Math.min(next, listeners.get(i).nextProcessingTime());
    }
    return next;
  }
}
