package weir.api.windowing.triggers;

import weir.api.annotation.Public;
import weir.api.windowing.windows.GlobalWindow;

/**
 * Never fires: the default trigger of {@link weir.api.windowing.assigners.GlobalWindows}, whose
 * one window has no end. Replace it with a trigger that fires, such as a {@link CountTrigger}.
 *
 * @since 0.1
 */
@Public
public final class NeverTrigger extends Trigger<Object, GlobalWindow> {
  private static final long serialVersionUID = 1L;

  private NeverTrigger() {}

  /** A trigger that never fires. */
  public static NeverTrigger create() {
    return new NeverTrigger();
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public void onMerge(GlobalWindow window, OnMergeContext ctx) {}

  @Override
  public void clear(GlobalWindow window, TriggerContext ctx) {}

  @Override
  public String toString() {
    return "NeverTrigger()";
  }
}
