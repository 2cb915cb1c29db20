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
import weir.api.state.State;
import weir.api.typeinfo.DynamicSerializer;
import weir.api.typeinfo.InvalidTypeException;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeInfo;
import weir.api.typeinfo.TypeSerializer;
import weir.api.windowing.evictors.Evictor;
import weir.api.windowing.evictors.TimestampedValue;
import weir.api.windowing.windows.Window;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.InternalMergingState;

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
abstract class WindowContentsStore<K, T, OUT, W extends Window> {
  private final InternalMergingState<W> state;

  /** @param state the state holding the contents: a heap state, which is also an {@link InternalMergingState} */
  @SuppressWarnings("unchecked")
  WindowContentsStore(State state) {
    this.state = (InternalMergingState<W>) state;
  }

  /** Scopes the following calls to the contents kept under {@code stateWindow}. */
  final void setWindow(W stateWindow) {
    state.setCurrentNamespace(stateWindow);
  }

  /** Adds a record with its timestamp ({@code RecordTimestamp.NONE} if it has none). */
  abstract void add(T record, long timestamp) throws Exception;

  /**
   * Evaluates the contents with the window function as window {@code window} of {@code key}.
   *
   * @return false, without calling the function, when there are no contents
   */
  abstract boolean emit(K key, W window, InternalWindowContext context, Collector<OUT> out) throws Exception;

  /** Deletes the contents. */
  final void clear() {
    state.clear();
  }

  /** Moves the contents of {@code sources} into {@code target} (merging windows); the scope is unchanged. */
  final void merge(W target, Collection<W> sources) throws Exception {
    state.mergeNamespaces(target, sources);
  }

  /**
   * The contents store {@code spec} asks for, kept in {@code backend} under
   * {@link WindowOperator#CONTENTS_STATE}: with the spec's evictor if it has one, else as its
   * {@link WindowContents} say.
   *
   * @param clocks what an evictor may read
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <K, T, OUT, W extends Window> WindowContentsStore<K, T, OUT, W> of(
      OperatorSpec.Window spec, HeapKeyedStateBackend backend, Evictor.EvictorContext clocks) {
    String name = WindowOperator.CONTENTS_STATE;
    TypeInfo type = spec.contentsType();
    InternalWindowFunction function = spec.windowFunction();
    if (spec.evictor() != null) {
      // elements with their timestamps, kept as objects (list states do), written to snapshots as the record type says
      TypeInfo<TimestampedValue<T>> elementType = TypeInfo.of((Class) TimestampedValue.class,
          new TimestampedValueSerializer<>(recordSerializer((TypeInfo<T>) type, backend.serializerConfig())));
      ListState<TimestampedValue<T>> elements = backend.getListState(new ListStateDescriptor<>(name, elementType));
      return new EvictingWindowContents<>(elements, (Evictor<T, W>) spec.evictor(), function, clocks);
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

  /** The serializer of the records, or one that names each record's class when the type has none. */
  private static <T> TypeSerializer<T> recordSerializer(TypeInfo<T> type, SerializerConfig config) {
    try {
      return type.createSerializer(config);
    } catch (InvalidTypeException e) {
      return new DynamicSerializer<>(config);
    }
  }
}
