package weir.runtime.operators;

import javax.annotation.Nullable;
import weir.api.functions.KeyedBroadcastProcessFunction;
import weir.api.state.AggregatingState;
import weir.api.state.AggregatingStateDescriptor;
import weir.api.state.BroadcastState;
import weir.api.state.KeyedStateFunction;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.state.State;
import weir.api.state.StateDescriptor;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.runtime.state.HeapKeyedStateBackend;

/**
 * The context of the broadcast side of a broadcast process function: writable broadcast states
 * and, when keyed, the keyed state of all keys ({@code applyToKeyedState}). One instance per
 * operator.
 */
final class BroadcastContext<K> extends BroadcastBaseContext<K> implements KeyedBroadcastProcessFunction.Context<K> {
  @Nullable private final HeapKeyedStateBackend keyed;

  /** @param keyed the keyed state backend of a keyed operator, else {@code null} */
  BroadcastContext(ProcessContext<K> process, BroadcastStates states, @Nullable HeapKeyedStateBackend keyed) {
    super(process, states);
    this.keyed = keyed;
  }

  @Override
  public <KB, VB> BroadcastState<KB, VB> getBroadcastState(MapStateDescriptor<KB, VB> descriptor) {
    return states.writable(descriptor);
  }

  @Override
  public <T> void applyToKeyedState(ValueStateDescriptor<T> descriptor, KeyedStateFunction<K, ValueState<T>> function)
      throws Exception {
    apply(descriptor, keyed().getState(descriptor), function);
  }

  @Override
  public <T> void applyToKeyedState(ListStateDescriptor<T> descriptor, KeyedStateFunction<K, ListState<T>> function)
      throws Exception {
    apply(descriptor, keyed().getListState(descriptor), function);
  }

  @Override
  public <KM, VM> void applyToKeyedState(MapStateDescriptor<KM, VM> descriptor,
      KeyedStateFunction<K, MapState<KM, VM>> function) throws Exception {
    apply(descriptor, keyed().getMapState(descriptor), function);
  }

  @Override
  public <T> void applyToKeyedState(ReducingStateDescriptor<T> descriptor,
      KeyedStateFunction<K, ReducingState<T>> function) throws Exception {
    apply(descriptor, keyed().getReducingState(descriptor), function);
  }

  @Override
  public <I, A, O> void applyToKeyedState(AggregatingStateDescriptor<I, A, O> descriptor,
      KeyedStateFunction<K, AggregatingState<I, O>> function) throws Exception {
    apply(descriptor, keyed().getAggregatingState(descriptor), function);
  }

  /** Calls {@code function} with each key that has a value in {@code state}, that key current. */
  @SuppressWarnings("unchecked")
  private <S extends State> void apply(StateDescriptor<?> descriptor, S state, KeyedStateFunction<K, S> function)
      throws Exception {
    HeapKeyedStateBackend backend = keyed();
    try {
      for (Object key : backend.keys(descriptor.getName())) {
        backend.setCurrentKey(key);
        function.process((K) key, state);
      }
    } finally {
      backend.clearCurrentKey();
    }
  }

  private HeapKeyedStateBackend keyed() {
    if (keyed == null) {
      throw new UnsupportedOperationException("applyToKeyedState needs keyed state, which only a"
          + " KeyedBroadcastProcessFunction on a keyed stream has");
    }
    return keyed;
  }
}
