package weir.runtime.state;

import java.util.Collection;
import javax.annotation.Nullable;
import weir.api.functions.ReduceFunction;
import weir.api.state.ReducingState;

/** {@link ReducingState} with time-to-live: an added value never combines with an expired one. */
final class TtlReducingState<N, T> extends TtlSingleValueState<N, T>
    implements ReducingState<T>, InternalMergingState<N> {
  private final ReduceFunction<T> reducer;

  TtlReducingState(HeapValueState<N, TtlValue<T>> stored, TtlPolicy policy,
      @Nullable TtlIncrementalCleanup<TtlValue<T>> cleanup, boolean binary, ReduceFunction<T> reducer) {
    super(stored, policy, cleanup, binary);
    this.reducer = reducer;
  }

  @Override
  @Nullable
  public T get() {
    long now = now();
    T value = read(now);
    accessed(now);
    return value;
  }

  @Override
  public void add(T value) {
    long now = now();
    T old = unexpired(now);
    T reduced;
    try {
      reduced = old == null ? value : reducer.reduce(old, value);
    } catch (Exception e) {
      throw new StateFunctionException("The reduce function of a ReducingState failed", e);
    }
    write(reduced, now);
    accessed(now);
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
    mergeValues(target, sources, reducer::reduce);
  }
}
