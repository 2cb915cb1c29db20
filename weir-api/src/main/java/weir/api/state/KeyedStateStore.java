package weir.api.state;

import weir.api.annotation.Public;

/**
 * Where keyed state handles come from: the runtime context of a function on a keyed stream, the
 * context of a window trigger, and the per-window and per-key stores of a process window
 * function. Which key (and which window, for window stores) a handle refers to depends on the
 * place the store was obtained from, as that place documents.
 *
 * <p>There is one getter per kind of state, so that the kind of handle follows from the kind of
 * descriptor, without casts.
 *
 * @since 0.1
 */
@Public
public interface KeyedStateStore {
  /** A single value. */
  <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

  /** A list of values. */
  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

  /** A map. */
  <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

  /** A value combined with each added one by the descriptor's reduce function. */
  <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

  /** An accumulator maintained by the descriptor's aggregate function. */
  <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> descriptor);
}
