package weir.runtime.state;

import weir.api.state.ValueState;
import javax.annotation.Nullable;
import weir.api.typeinfo.TypeSerializer;

/** {@link ValueState} on the heap. */
final class HeapValueState<N, T> extends HeapState<N, T> implements ValueState<T> {
  HeapValueState(HeapKeyedStateBackend backend, StateTable<N, T> table, @Nullable TypeSerializer<T> serializer) {
    super(backend, table, serializer);
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
