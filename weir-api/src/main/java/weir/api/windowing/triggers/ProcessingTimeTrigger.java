package weir.api.windowing.triggers;

import weir.api.annotation.Public;
import weir.api.windowing.windows.TimeWindow;

/**
 * Fires once the processing time passes the end of the window: the default trigger of the
 * processing-time assigners.
 *
 * @since 0.1
 */
@Public
public final class ProcessingTimeTrigger extends Trigger<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private ProcessingTimeTrigger() {}

  /** A processing-time trigger. */
  public static ProcessingTimeTrigger create() {
    return new ProcessingTimeTrigger();
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
    ctx.registerProcessingTimeTimer(window.maxTimestamp());
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
    return TriggerResult.FIRE;
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(TimeWindow window, OnMergeContext ctx) {
    long maxTimestamp = window.maxTimestamp();
    if (maxTimestamp > ctx.getCurrentProcessingTime()) {
      ctx.registerProcessingTimeTimer(maxTimestamp);
    }
  }

  @Override
  public void clear(TimeWindow window, TriggerContext ctx) {
    ctx.deleteProcessingTimeTimer(window.maxTimestamp());
  }

  @Override
  public String toString() {
    return "ProcessingTimeTrigger()";
  }
}
