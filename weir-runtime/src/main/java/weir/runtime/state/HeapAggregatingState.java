package weir.runtime.state;

import weir.api.functions.AggregateFunction;
import weir.api.state.AggregatingState;
import javax.annotation.Nullable;
import weir.api.typeinfo.TypeSerializer;

/** {@link AggregatingState} on the heap; stores the accumulator. */
final class HeapAggregatingState<N, I, A, O> extends HeapState<N, A> implements AggregatingState<I, O>, InternalMergingState<N> {
  private final AggregateFunction<I, A, O> aggregator;

  HeapAggregatingState(HeapKeyedStateBackend backend, StateTable<N, A> table, AggregateFunction<I, A, O> aggregator,
      @Nullable TypeSerializer<A> serializer) {
    super(backend, table, serializer);
    this.aggregator = aggregator;
  }

  @Override
  public O get() {
    A acc = current();
    return acc == null ? null : aggregator.getResult(acc);
  }

  @Override
  public void add(I value) {
    A acc = current();
    setCurrent(aggregator.add(value, acc == null ? aggregator.createAccumulator() : acc));
  }

  @Override
  public void mergeNamespaces(N target, java.util.Collection<N> sources) throws Exception {
    mergeInto(target, sources, aggregator::merge);
  }
}
