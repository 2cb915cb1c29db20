package weir.api.windowing.triggers;

import java.time.Duration;
import weir.api.annotation.Public;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.typeinfo.LongSerializer;
import weir.api.typeinfo.TypeInfo;
import weir.api.windowing.windows.Window;

/**
 * Fires repeatedly while the watermark advances through a window: at every multiple of the
 * interval after the window's first record, and at the end of the window. The next fire time is
 * kept in a reducing state (minimum) of the window, so that merged windows fire at the earliest
 * of their next fire times.
 *
 * @param <W> the type of the windows
 * @since 0.1
 */
@Public
public final class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {
  private static final long serialVersionUID = 1L;

  private final long interval;
  private final ReducingStateDescriptor<Long> stateDescriptor =
      new ReducingStateDescriptor<>("fire-time", new LongReducers.Min(), TypeInfo.of(Long.class, LongSerializer.INSTANCE));

  private ContinuousEventTimeTrigger(long interval) {
    this.interval = interval;
  }

  /**
   * A trigger that fires every {@code interval} of event time.
   *
   * @throws IllegalArgumentException if {@code interval} is shorter than a millisecond
   */
  public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
    long millis = interval.toMillis();
    if (millis <= 0) {
      throw new IllegalArgumentException("ContinuousEventTimeTrigger needs an interval of at least 1 ms, but got " + interval);
    }
    return new ContinuousEventTimeTrigger<>(millis);
  }

  /** The interval between firings. */
  public Duration getInterval() {
    return Duration.ofMillis(interval);
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
    if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
      return TriggerResult.FIRE; // the watermark is already past the window: fire for the late record
    }
    ctx.registerEventTimeTimer(window.maxTimestamp());
    ReducingState<Long> fireTime = ctx.getReducingState(stateDescriptor);
    if (fireTime.get() == null) {
      registerNextFireTime(timestamp - (timestamp % interval), window, ctx, fireTime);
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
    if (time == window.maxTimestamp()) {
      return TriggerResult.FIRE;
    }
    ReducingState<Long> fireTimeState = ctx.getReducingState(stateDescriptor);
    Long fireTime = fireTimeState.get();
    if (fireTime != null && fireTime == time) {
      fireTimeState.clear();
      registerNextFireTime(time, window, ctx, fireTimeState);
      return TriggerResult.FIRE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(W window, OnMergeContext ctx) {
    ctx.mergePartitionedState(stateDescriptor);
    Long nextFireTime = ctx.getReducingState(stateDescriptor).get();
    if (nextFireTime != null) {
      ctx.registerEventTimeTimer(nextFireTime);
    }
  }

  @Override
  public void clear(W window, TriggerContext ctx) {
    ReducingState<Long> fireTime = ctx.getReducingState(stateDescriptor);
    Long time = fireTime.get();
    if (time != null) {
      ctx.deleteEventTimeTimer(time);
      fireTime.clear();
    }
  }

  private void registerNextFireTime(long time, W window, TriggerContext ctx, ReducingState<Long> fireTime) {
    long next = Math.min(time + interval, window.maxTimestamp());
    fireTime.add(next);
    ctx.registerEventTimeTimer(next);
  }

  @Override
  public String toString() {
    return "ContinuousEventTimeTrigger(" + interval + ")";
  }
}
