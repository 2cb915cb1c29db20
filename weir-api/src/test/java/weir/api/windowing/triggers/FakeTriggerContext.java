package weir.api.windowing.triggers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
import weir.api.windowing.windows.Window;

/**
 * A trigger context for one key: clocks set by the test, timers per window, and reducing state
 * per window and name. {@link #at} selects the window later calls refer to; {@link #merging}
 * names the windows whose state {@code mergePartitionedState} merges into it.
 */
final class FakeTriggerContext implements Trigger.OnMergeContext {
  long watermark = Long.MIN_VALUE;
  long processingTime;
  final Map<Window, TreeSet<Long>> eventTimers = new HashMap<>();
  final Map<Window, TreeSet<Long>> processingTimers = new HashMap<>();
  private final Map<Window, Map<String, Object>> state = new HashMap<>();
  private Window window;
  private List<Window> merging = List.of();

  FakeTriggerContext at(Window window) {
    this.window = window;
    return this;
  }

  FakeTriggerContext merging(List<Window> mergedWindows) {
    this.merging = new ArrayList<>(mergedWindows);
    return this;
  }

  TreeSet<Long> eventTimers(Window w) {
    return eventTimers.computeIfAbsent(w, k -> new TreeSet<>());
  }

  TreeSet<Long> processingTimers(Window w) {
    return processingTimers.computeIfAbsent(w, k -> new TreeSet<>());
  }

  boolean hasState(Window w) {
    Map<String, Object> values = state.get(w);
    return values != null && !values.isEmpty();
  }

  @Override
  public long getCurrentProcessingTime() {
    return processingTime;
  }

  @Override
  public long getCurrentWatermark() {
    return watermark;
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    processingTimers(window).add(time);
  }

  @Override
  public void registerEventTimeTimer(long time) {
    eventTimers(window).add(time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    processingTimers(window).remove(time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    eventTimers(window).remove(time);
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    Window w = window;
    String name = descriptor.getName();
    return new ReducingState<>() {
      @Override
      @SuppressWarnings("unchecked")
      public T get() {
        return (T) state.computeIfAbsent(w, k -> new HashMap<>()).get(name);
      }

      @Override
      public void add(T value) {
        T current = get();
        try {
          state.get(w).put(name, current == null ? value : descriptor.getReduceFunction().reduce(current, value));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public void clear() {
        state.computeIfAbsent(w, k -> new HashMap<>()).remove(name);
      }
    };
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void mergePartitionedState(StateDescriptor<?> descriptor) {
    ReducingStateDescriptor reducing = (ReducingStateDescriptor) descriptor;
    Window target = window;
    ReducingState merged = getReducingState(reducing);
    for (Window source : merging) {
      Object value = getSourceValue(source, descriptor.getName());
      if (value != null && !source.equals(target)) {
        merged.add(value);
        state.get(source).remove(descriptor.getName());
      }
    }
  }

  private Object getSourceValue(Window source, String name) {
    Map<String, Object> values = state.get(source);
    return values == null ? null : values.get(name);
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    throw new UnsupportedOperationException("only reducing state in this fake");
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    throw new UnsupportedOperationException("only reducing state in this fake");
  }

  @Override
  public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
    throw new UnsupportedOperationException("only reducing state in this fake");
  }

  @Override
  public <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> descriptor) {
    throw new UnsupportedOperationException("only reducing state in this fake");
  }
}
