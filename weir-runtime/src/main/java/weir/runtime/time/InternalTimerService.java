package weir.runtime.time;

import weir.runtime.operators.ProcessingTimeService;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.WatermarkClock;

/**
 * The event-time and processing-time timers of one keyed operator, per (key, namespace). Timers
 * are set for the backend's current key; when one fires, its key becomes the current key before
 * the operator's callback runs, so keyed state reads that key's values.
 *
 * <p>Event-time timers fire from {@link #advanceWatermark}, processing-time timers from {@link
 * #onProcessingTime} (the task's {@link ProcessingTimers} calls it): both on the subtask's thread,
 * in time order, each once. A callback may set new timers; one already due fires in the same
 * round.
 *
 * <p>Owned by the subtask's thread.
 *
 * @param <N> the namespace type ({@link weir.runtime.state.VoidNamespace} outside windows)
 */
public final class InternalTimerService<N> implements ProcessingTimeListener {
  /** What the operator does when a timer fires. */
  public interface Triggerable<N> {
    void onEventTime(long time, Object key, N namespace) throws Exception;

    void onProcessingTime(long time, Object key, N namespace) throws Exception;
  }

  private final HeapKeyedStateBackend keys;
  private final ProcessingTimeService clock;
  private final Triggerable<N> target;
  private final TimerHeap<N> eventTimers = new TimerHeap<>();
  private final TimerHeap<N> processingTimers = new TimerHeap<>();
  // the operator's event time, shared with its keyed state (event-time TTL reads it)
  private final WatermarkClock watermark;

  public InternalTimerService(HeapKeyedStateBackend keys, ProcessingTimeService clock, Triggerable<N> target) {
    this.keys = keys;
    this.clock = clock;
    this.target = target;
    this.watermark = keys.eventTime();
  }

  public long currentProcessingTime() {
    return clock.currentProcessingTime();
  }

  public long currentWatermark() {
    return watermark.now();
  }

  public void registerEventTimeTimer(N namespace, long time) {
    eventTimers.add(time, keys.currentKey(), namespace);
  }

  public void deleteEventTimeTimer(N namespace, long time) {
    eventTimers.remove(time, keys.currentKey(), namespace);
  }

  public void registerProcessingTimeTimer(N namespace, long time) {
    processingTimers.add(time, keys.currentKey(), namespace);
  }

  public void deleteProcessingTimeTimer(N namespace, long time) {
    processingTimers.remove(time, keys.currentKey(), namespace);
  }

  /** Sets the watermark and fires every event-time timer at or before it. */
  public void advanceWatermark(long watermark) throws Exception {
    this.watermark.advance(watermark);
    TimerHeap.Timer<N> timer;
    while ((timer = eventTimers.peek()) != null && timer.time <= watermark) {
      eventTimers.poll();
      keys.setCurrentKey(timer.key);
      target.onEventTime(timer.time, timer.key, timer.namespace);
    }
  }

  @Override
  public long nextProcessingTime() {
    return processingTimers.nextTime();
  }

  @Override
  public void onProcessingTime(long now) throws Exception {
    TimerHeap.Timer<N> timer;
    while ((timer = processingTimers.peek()) != null && timer.time <= now) {
      processingTimers.poll();
      keys.setCurrentKey(timer.key);
      target.onProcessingTime(timer.time, timer.key, timer.namespace);
    }
  }

  /** The number of event-time timers set, for tests and metrics. */
  public int eventTimerCount() {
    return eventTimers.size();
  }

  /** The number of processing-time timers set, for tests and metrics. */
  public int processingTimerCount() {
    return processingTimers.size();
  }
}
