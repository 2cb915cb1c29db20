package weir.runtime.state;

import javax.annotation.Nullable;
import weir.api.state.ValueState;

/** {@link ValueState} with time-to-live. */
final class TtlValueState<N, T> extends TtlSingleValueState<N, T> implements ValueState<T> {
  TtlValueState(HeapValueState<N, TtlValue<T>> stored, TtlPolicy policy,
      @Nullable TtlIncrementalCleanup<TtlValue<T>> cleanup, boolean binary) {
    super(stored, policy, cleanup, binary);
  }

  @Override
  @Nullable
  public T value() {
    long now = now();
    T value = read(now);
    accessed(now);
    return value;
  }

  @Override
  public void update(@Nullable T value) {
    long now = now();
    if (value == null) {
      stored.clear();
    } else {
      write(value, now);
    }
    accessed(now);
  }
}
