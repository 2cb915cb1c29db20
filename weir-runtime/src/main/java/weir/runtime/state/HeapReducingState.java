package weir.runtime.state;

import weir.api.functions.ReduceFunction;
import weir.api.state.ReducingState;
import javax.annotation.Nullable;
import weir.api.typeinfo.TypeSerializer;

/** {@link ReducingState} on the heap. */
final class HeapReducingState<N, T> extends HeapState<N, T> implements ReducingState<T>, InternalMergingState<N> {
  private final ReduceFunction<T> reducer;

  HeapReducingState(HeapKeyedStateBackend backend, StateTable<N, T> table, ReduceFunction<T> reducer,
      @Nullable TypeSerializer<T> serializer) {
    super(backend, table, serializer);
    this.reducer = reducer;
  }

  @Override
  public T get() {
    return current();
  }

  @Override
  public void add(T value) {
    T old = current();
    try {
      setCurrent(old == null ? value : reducer.reduce(old, value));
    } catch (Exception e) {
      throw new StateFunctionException("The reduce function of a ReducingState failed", e);
    }
  }

  @Override
  public void mergeNamespaces(N target, java.util.Collection<N> sources) throws Exception {
    mergeInto(target, sources, reducer::reduce);
  }
}
