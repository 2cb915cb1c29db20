package weir.api.functions;

import weir.api.annotation.Public;
import weir.api.metrics.Counter;
import weir.api.state.AggregatingState;
import weir.api.state.AggregatingStateDescriptor;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;

/**
 * What a function knows about the subtask that runs it, handed to {@link RichFunction#open}.
 *
 * <h3>Threading</h3>
 * The context and everything obtained from it belong to the subtask's thread.
 *
 * <h3>Keyed state</h3>
 * The state getters work only in functions that run on a keyed stream (after {@code keyBy}); on
 * other streams they throw an {@link IllegalStateException} that says so. Call them in
 * {@code open()}, keep the handles, and use them per record: each handle is scoped to the key of
 * the record being processed.
 *
 * @since 0.1
 */
@Public
public interface RuntimeContext {
  /** The name given to {@code execute(name)}. */
  String getJobName();

  /** The operator's name, as set with {@code name(...)} or derived from the transformation. */
  String getOperatorName();

  /** This subtask's index, from 0 to {@code getParallelism() - 1}. */
  int getSubtaskIndex();

  /** The number of parallel subtasks of this operator. */
  int getParallelism();

  /** The number of key groups, the upper bound for rescaling keyed state. */
  int getMaxParallelism();

  /** How many times this subtask was restarted before this attempt (0 for the first). */
  int getAttemptNumber();

  /**
   * A counter of this subtask; the job result reports the sum over all subtasks under the same
   * name.
   */
  Counter getCounter(String name);

  /** The class loader of the user code. */
  ClassLoader getUserCodeClassLoader();

  /** A value per key. */
  <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

  /** A list per key. */
  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

  /** A map per key. */
  <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

  /** A reduced value per key. */
  <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

  /** An aggregate per key. */
  <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> descriptor);
}
