package weir.runtime.state;

import java.util.Collection;
import javax.annotation.Nullable;
import weir.api.functions.AggregateFunction;
import weir.api.state.AggregatingState;

/**
 * {@link AggregatingState} with time-to-live: the accumulator expires as a whole, and an add to
 * an expired one starts from a fresh accumulator.
 */
final class TtlAggregatingState<N, I, A, O> extends TtlSingleValueState<N, A>
    implements AggregatingState<I, O>, InternalMergingState<N> {
  private final AggregateFunction<I, A, O> aggregator;

  TtlAggregatingState(HeapValueState<N, TtlValue<A>> stored, TtlPolicy policy,
      @Nullable TtlIncrementalCleanup<TtlValue<A>> cleanup, boolean binary, AggregateFunction<I, A, O> aggregator) {
    super(stored, policy, cleanup, binary);
    this.aggregator = aggregator;
  }

  @Override
  @Nullable
  public O get() {
    long now = now();
    A acc = read(now);
    accessed(now);
    return acc == null ? null : aggregator.getResult(acc);
  }

  @Override
  public void add(I value) {
    long now = now();
    A acc = unexpired(now);
    write(aggregator.add(value, acc == null ? aggregator.createAccumulator() : acc), now);
    accessed(now);
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
    mergeValues(target, sources, aggregator::merge);
  }
}
