package weir.api.windowing.triggers;

import weir.api.annotation.Public;
import weir.api.windowing.windows.TimeWindow;

/**
 * Fires once the watermark passes the end of the window: the default trigger of the event-time
 * assigners. A record added to a window the watermark has already passed (late, but within the
 * allowed lateness) fires the window again at once.
 *
 * @since 0.1
 */
@Public
public final class EventTimeTrigger extends Trigger<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private EventTimeTrigger() {}

  /** An event-time trigger. */
  public static EventTimeTrigger create() {
    return new EventTimeTrigger();
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
    if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
      return TriggerResult.FIRE; // the watermark is already past the window: fire for the late record
    }
    ctx.registerEventTimeTimer(window.maxTimestamp());
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
    return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(TimeWindow window, OnMergeContext ctx) {
    // a merged window whose end the watermark has passed already fires through onElement; only
    // register the timer while it can still fire
    long maxTimestamp = window.maxTimestamp();
    if (maxTimestamp > ctx.getCurrentWatermark()) {
      ctx.registerEventTimeTimer(maxTimestamp);
    }
  }

  @Override
  public void clear(TimeWindow window, TriggerContext ctx) {
    ctx.deleteEventTimeTimer(window.maxTimestamp());
  }

  @Override
  public String toString() {
    return "EventTimeTrigger()";
  }
}
