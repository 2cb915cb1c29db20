package weir.api.windowing.triggers;

import java.util.Objects;
import weir.api.annotation.Public;
import weir.api.windowing.windows.Window;

/**
 * Wraps another trigger and purges the window whenever it fires: {@link TriggerResult#FIRE}
 * becomes {@link TriggerResult#FIRE_AND_PURGE}; every other result and call passes through.
 *
 * @param <T> the type of the records
 * @param <W> the type of the windows
 * @since 0.1
 */
@Public
public final class PurgingTrigger<T, W extends Window> extends Trigger<T, W> {
  private static final long serialVersionUID = 1L;

  private final Trigger<T, W> nestedTrigger;

  private PurgingTrigger(Trigger<T, W> nestedTrigger) {
    this.nestedTrigger = Objects.requireNonNull(nestedTrigger, "nestedTrigger");
  }

  /** {@code nestedTrigger}, purging each time it fires. */
  public static <T, W extends Window> PurgingTrigger<T, W> of(Trigger<T, W> nestedTrigger) {
    return new PurgingTrigger<>(nestedTrigger);
  }

  /** The wrapped trigger. */
  public Trigger<T, W> getNestedTrigger() {
    return nestedTrigger;
  }

  @Override
  public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
    return purging(nestedTrigger.onElement(element, timestamp, window, ctx));
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
    return purging(nestedTrigger.onEventTime(time, window, ctx));
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
    return purging(nestedTrigger.onProcessingTime(time, window, ctx));
  }

  @Override
  public boolean canMerge() {
    return nestedTrigger.canMerge();
  }

  @Override
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    nestedTrigger.onMerge(window, ctx);
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    nestedTrigger.clear(window, ctx);
  }

  private static TriggerResult purging(TriggerResult result) {
    return result.isFire() ? TriggerResult.FIRE_AND_PURGE : result;
  }

  @Override
  public String toString() {
    return "PurgingTrigger(" + nestedTrigger + ")";
  }
}
