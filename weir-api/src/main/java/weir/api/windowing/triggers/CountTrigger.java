package weir.api.windowing.triggers;

import weir.api.annotation.Public;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.typeinfo.LongSerializer;
import weir.api.typeinfo.TypeInfo;
import weir.api.windowing.windows.Window;

/**
 * Fires every time a window has received {@code maxCount} more records, counting in a reducing
 * state of the window. It does not purge: wrap it in a {@link PurgingTrigger} to start each
 * count from an empty window.
 *
 * @param <W> the type of the windows
 * @since 0.1
 */
@Public
public final class CountTrigger<W extends Window> extends Trigger<Object, W> {
  private static final long serialVersionUID = 1L;

  private final long maxCount;
  private final ReducingStateDescriptor<Long> stateDescriptor =
      new ReducingStateDescriptor<>("count", new LongReducers.Sum(), TypeInfo.of(Long.class, LongSerializer.INSTANCE));

  private CountTrigger(long maxCount) {
    this.maxCount = maxCount;
  }

  /**
   * A trigger that fires after every {@code maxCount} records.
   *
   * @throws IllegalArgumentException if {@code maxCount} is not positive
   */
  public static <W extends Window> CountTrigger<W> of(long maxCount) {
    if (maxCount <= 0) {
      throw new IllegalArgumentException("CountTrigger needs a positive count, but got " + maxCount);
    }
    return new CountTrigger<>(maxCount);
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
    ReducingState<Long> count = ctx.getReducingState(stateDescriptor);
    count.add(1L);
    if (count.get() >= maxCount) {
      count.clear();
      return TriggerResult.FIRE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
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
  }

  @Override
  public void clear(W window, TriggerContext ctx) {
    ctx.getReducingState(stateDescriptor).clear();
  }

  @Override
  public String toString() {
    return "CountTrigger(" + maxCount + ")";
  }
}
