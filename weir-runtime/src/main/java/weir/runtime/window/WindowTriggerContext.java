package weir.runtime.window;

import java.util.Collection;
import javax.annotation.Nullable;
import weir.api.state.AggregatingState;
import weir.api.state.AggregatingStateDescriptor;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.state.StateDescriptor;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.windowing.evictors.Evictor;
import weir.api.windowing.triggers.Trigger;
import weir.api.windowing.triggers.TriggerResult;
import weir.api.windowing.windows.Window;
import weir.runtime.state.InternalMergingState;
import weir.runtime.state.StateFunctionException;
import weir.runtime.time.InternalTimerService;

/**
 * Calls the trigger of a window operator and is the context it gets: clocks, timers and state of
 * the backend's current key and of {@link #window}, which the operator sets before each call. One
 * instance per operator, reused for every call. It is the evictor's context too, which reads the
 * same clocks.
 *
 * <p>Owned by the subtask's thread.
 *
 * @param <T> the type of the records
 * @param <W> the type of the windows
 */
final class WindowTriggerContext<T, W extends Window> implements Trigger.OnMergeContext, Evictor.EvictorContext {
  private final Trigger<T, W> trigger;
  private final InternalTimerService<W> timers;
  private final WindowStateStore state;
  /** The window the next call refers to: the namespace of the trigger's timers and state. */
  private W window;
  // the windows merged into the window during onMerge only, for mergePartitionedState
  @Nullable private Collection<W> mergedWindows;

  WindowTriggerContext(Trigger<T, W> trigger, InternalTimerService<W> timers, WindowStateStore state) {
    this.trigger = trigger;
    this.timers = timers;
    this.state = state;
  }

  /** Makes the following calls refer to {@code window}. */
  void setWindow(W window) {
    this.window = window;
    state.setNamespace(window);
  }

  TriggerResult onElement(T element, long timestamp) throws Exception {
    return trigger.onElement(element, timestamp, window, this);
  }

  TriggerResult onEventTime(long time) throws Exception {
    return trigger.onEventTime(time, window, this);
  }

  TriggerResult onProcessingTime(long time) throws Exception {
    return trigger.onProcessingTime(time, window, this);
  }

  /** Tells the trigger that {@code merged} were merged into the current window. */
  void onMerge(Collection<W> merged) throws Exception {
    mergedWindows = merged;
    try {
      trigger.onMerge(window, this);
    } finally {
      mergedWindows = null;
    }
  }

  /** Lets the trigger delete its timers and state of the current window. */
  void clear() throws Exception {
    trigger.clear(window, this);
  }

  @Override
  public long getCurrentProcessingTime() {
    return timers.currentProcessingTime();
  }

  @Override
  public long getCurrentWatermark() {
    return timers.currentWatermark();
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    timers.registerProcessingTimeTimer(window, time);
  }

  @Override
  public void registerEventTimeTimer(long time) {
    timers.registerEventTimeTimer(window, time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    timers.deleteProcessingTimeTimer(window, time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    timers.deleteEventTimeTimer(window, time);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void mergePartitionedState(StateDescriptor<?> descriptor) {
    InternalMergingState<W> merging = (InternalMergingState<W>) state.mergingHandle(descriptor);
    if (mergedWindows == null || mergedWindows.isEmpty()) {
      return;
    }
    try {
      merging.mergeNamespaces(window, mergedWindows);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new StateFunctionException("Merging trigger state '" + descriptor.getName() + "' failed", e);
    }
  }

  @Override
  public <S> ValueState<S> getState(ValueStateDescriptor<S> descriptor) {
    return state.getState(descriptor);
  }

  @Override
  public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) {
    return state.getListState(descriptor);
  }

  @Override
  public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
    return state.getMapState(descriptor);
  }

  @Override
  public <S> ReducingState<S> getReducingState(ReducingStateDescriptor<S> descriptor) {
    return state.getReducingState(descriptor);
  }

  @Override
  public <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> descriptor) {
    return state.getAggregatingState(descriptor);
  }
}
