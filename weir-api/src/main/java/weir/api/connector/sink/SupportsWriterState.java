package weir.api.connector.sink;

import java.io.IOException;
import java.util.Collection;
import weir.api.annotation.Evolving;
import weir.api.connector.SimpleVersionedSerializer;

/**
 * Implemented by a {@link Sink} whose writers keep state in checkpoints. Its
 * {@link Sink#createWriter} must return a {@link StatefulSinkWriter}.
 *
 * <h3>Lifecycle</h3>
 * At each checkpoint the runtime stores the states that every writer's
 * {@link StatefulSinkWriter#snapshotState} returns, in the bytes of
 * {@link #getWriterStateSerializer()}. A job started without a checkpoint creates its writers with
 * {@link Sink#createWriter}; a job restored from a checkpoint creates every writer with
 * {@link #restoreWriter}, passing the states assigned to its subtask (possibly none):
 * <ul>
 *   <li>with the parallelism of the checkpoint, subtask {@code i} gets exactly the states that
 *       subtask {@code i} returned;
 *   <li>with another parallelism, the states are spread over the subtasks, each state to exactly
 *       one of them, so a writer can be handed the state of another subtask index.
 * </ul>
 *
 * @param <T> the type of the records written
 * @param <WriterStateT> the type of a writer's state
 * @since 0.1
 */
@Evolving
public interface SupportsWriterState<T, WriterStateT> {
  /**
   * Creates the writer of one subtask of a restored job from the states assigned to it; an empty
   * collection when none was.
   */
  StatefulSinkWriter<T, WriterStateT> restoreWriter(WriterInitContext context, Collection<WriterStateT> recoveredState)
      throws IOException;

  /** How the writer states are stored in checkpoints. */
  SimpleVersionedSerializer<WriterStateT> getWriterStateSerializer();
}
