package weir.runtime.window;

import java.util.Collection;
import weir.api.functions.AggregateFunction;
import weir.api.functions.Collector;
import weir.api.functions.ReduceFunction;
import weir.api.graph.OperatorSpec;
import weir.api.graph.window.InternalWindowFunction;
import weir.api.graph.window.InternalWindowFunction.InternalWindowContext;
import weir.api.graph.window.WindowContents;
import weir.api.state.AggregatingStateDescriptor;
import weir.api.state.AppendingState;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.ReducingStateDescriptor;
import weir.api.typeinfo.TypeInfo;
import weir.api.windowing.evictors.Evictor;
import weir.api.windowing.evictors.TimestampedValue;
import weir.api.windowing.windows.Window;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.time.InternalTimerService;

/**
 * How a window operator keeps the contents of its windows in keyed state, the window as
 * namespace, and hands them to the window function: as they were added (list, reduction or
 * accumulator, see {@link AppendingWindowContents}) or with an evictor in between
 * ({@link EvictingWindowContents}). All calls refer to the backend's current key and to the
 * window last given to {@link #setWindow}.
 *
 * <p>Owned by the subtask's thread.
 *
 * @param <K> the type of the key
 * @param <T> the type of the records
 * @param <OUT> the type of the window function's output
 * @param <W> the type of the windows
 */
interface WindowContentsStore<K, T, OUT, W extends Window> {
  /** Scopes the following calls to the contents kept under {@code stateWindow}. */
  void setWindow(W stateWindow);

  /** Adds a record with its timestamp ({@code RecordTimestamp.NONE} if it has none). */
  void add(T record, long timestamp) throws Exception;

  /**
   * Evaluates the contents with the window function as window {@code window} of {@code key}.
   *
   * @return false, without calling the function, when there are no contents
   */
  boolean emit(K key, W window, InternalWindowContext context, Collector<OUT> out) throws Exception;

  /** Deletes the contents. */
  void clear();

  /** Moves the contents of {@code sources} into {@code target} (merging windows); the scope is unchanged. */
  void merge(W target, Collection<W> sources) throws Exception;

  /**
   * The contents store {@code spec} asks for, kept in {@code backend} under
   * {@link WindowOperator#CONTENTS_STATE}: with the spec's evictor if it has one, else as its
   * {@link WindowContents} say.
   *
   * @param timers the operator's timers, whose clocks an evictor reads
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <K, T, OUT, W extends Window> WindowContentsStore<K, T, OUT, W> of(
      OperatorSpec.Window spec, HeapKeyedStateBackend backend, InternalTimerService<W> timers) {
    String name = WindowOperator.CONTENTS_STATE;
    TypeInfo type = spec.contentsType();
    InternalWindowFunction function = spec.windowFunction();
    if (spec.evictor() != null) {
      // elements with their timestamps: list states keep objects, so no serializer is needed yet
      ListState<TimestampedValue<T>> elements =
          backend.getListState(new ListStateDescriptor<>(name, TypeInfo.<TimestampedValue<T>>unknown()));
      return new EvictingWindowContents<>(elements, (Evictor<T, W>) spec.evictor(), function, timers);
    }
    WindowContents contents = spec.contents();
    AppendingState state;
    if (contents instanceof WindowContents.Reduce reduce) {
      state = backend.getReducingState(new ReducingStateDescriptor<>(name, (ReduceFunction) reduce.function(), type));
    } else if (contents instanceof WindowContents.Aggregate aggregate) {
      state = backend.getAggregatingState(
          new AggregatingStateDescriptor<>(name, (AggregateFunction) aggregate.function(), type));
    } else {
      state = backend.getListState(new ListStateDescriptor<>(name, type));
    }
    return new AppendingWindowContents<>(state, function);
  }
}
