package weir.api.state;

import java.util.OptionalLong;
import weir.api.annotation.Public;
import weir.api.functions.RuntimeContext;

/**
 * What {@link CheckpointedFunction#initializeState} gets: the subtask's state stores and whether
 * it starts from a checkpoint.
 *
 * @since 0.1
 */
@Public
public interface FunctionInitializationContext {
  /**
   * Whether the job started from a checkpoint or savepoint (after a failure, or with savepoint
   * restore settings), as opposed to a fresh start. Also {@code true} for an operator that had
   * no state in that checkpoint: its states then start empty.
   */
  boolean isRestored();

  /** The id of the checkpoint the job started from, empty on a fresh start. */
  OptionalLong getRestoredCheckpointId();

  /**
   * The subtask's runtime context, the one {@code open} gets next: its index, the parallelism,
   * the attempt number. {@code AbstractRichFunction.getRuntimeContext()} is only available from
   * {@code open} on, so use this one in {@code initializeState}.
   */
  RuntimeContext getRuntimeContext();

  /** Where the function registers operator state: lists, union lists and broadcast state. */
  OperatorStateStore getOperatorStateStore();

  /**
   * Where the function registers keyed state, as from the runtime context. On a stream that is
   * not keyed its getters throw an {@link IllegalStateException}. Handles obtained here refer to
   * the key of the record being processed when they are used, never to a key during {@code
   * initializeState} itself.
   */
  KeyedStateStore getKeyedStateStore();
}
