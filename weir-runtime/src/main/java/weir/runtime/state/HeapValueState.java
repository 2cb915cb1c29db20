package weir.runtime.state;

import weir.api.state.ValueState;

/** {@link ValueState} on the heap. */
final class HeapValueState<N, T> extends HeapState<N, T> implements ValueState<T> {
  HeapValueState(HeapKeyedStateBackend backend, StateTable<N, T> table) {
    super(backend, table);
  }

  @Override
  public T value() {
    return current();
  }

  @Override
  public void update(T value) {
    setCurrent(value);
  }
}
