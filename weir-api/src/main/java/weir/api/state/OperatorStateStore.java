package weir.api.state;

import java.util.Set;
import weir.api.annotation.Public;

/**
 * Operator state of one subtask: state that belongs to the subtask rather than to a key, kept in
 * checkpoints and dealt out again on restore. Obtained in {@link
 * CheckpointedFunction#initializeState}.
 *
 * <h3>Kinds and redistribution</h3>
 * How a restore at another parallelism deals out the state is what tells the kinds apart:
 *
 * <ul>
 *   <li>{@link #getListState list state}: the elements of all subtasks' lists are split evenly,
 *       round robin, over the new subtasks; each element goes to exactly one. At the same
 *       parallelism each subtask gets its own list back. Use it for things that can be
 *       divided, such as buffered records or source offsets.
 *   <li>{@link #getUnionListState union list state}: every new subtask gets the concatenation of
 *       all subtasks' lists, also at the same parallelism, and picks what it needs. Each
 *       subtask's next snapshot is again added in full, so write only your own part in
 *       {@link CheckpointedFunction#snapshotState}.
 *   <li>{@link #getBroadcastState broadcast state}: a map that every subtask holds in the same
 *       copy (filled from a broadcast stream). Each subtask snapshots its copy; on restore every
 *       new subtask gets one of them (subtask {@code i} the copy of old subtask {@code i mod
 *       oldParallelism}).
 * </ul>
 *
 * <h3>Names and types</h3>
 * The descriptor's name identifies the state in checkpoints, so keep it stable; the three kinds
 * have names of their own, but a name must be registered as one kind only, and a list restored
 * as union list state must be registered as union list state again (and the other way round).
 * Elements are written with the serializer of the descriptor's type (see {@code
 * weir.api.typeinfo}). Registering the same name twice returns the same handle. Operator state
 * has no time-to-live.
 *
 * <h3>Threading</h3>
 * The handles belong to the subtask's thread. They hold objects: what is added is kept by
 * reference until the next snapshot serializes it.
 *
 * @since 0.1
 */
@Public
public interface OperatorStateStore {
  /**
   * A list whose elements are split evenly over the subtasks on restore at another parallelism.
   *
   * @throws IllegalStateException if the name was registered, or restored, as another kind
   * @throws UnsupportedOperationException if the descriptor has a time-to-live
   */
  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

  /**
   * A list whose restored content is the union of all subtasks' lists, on every subtask.
   *
   * @throws IllegalStateException if the name was registered, or restored, as another kind
   * @throws UnsupportedOperationException if the descriptor has a time-to-live
   */
  <T> ListState<T> getUnionListState(ListStateDescriptor<T> descriptor);

  /**
   * A map that each subtask holds a copy of; on restore every subtask gets a copy.
   *
   * @throws IllegalStateException if the name was registered as broadcast state of other types
   * @throws UnsupportedOperationException if the descriptor has a time-to-live
   */
  <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);

  /** The names of the list and union list states registered so far. */
  Set<String> getRegisteredStateNames();

  /** The names of the broadcast states registered so far. */
  Set<String> getRegisteredBroadcastStateNames();
}
