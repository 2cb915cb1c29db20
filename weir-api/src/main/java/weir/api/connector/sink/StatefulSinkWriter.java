package weir.api.connector.sink;

import java.io.IOException;
import java.util.List;
import weir.api.annotation.Evolving;

/**
 * The writer of a sink that {@link SupportsWriterState keeps state} in checkpoints, such as the
 * transaction ids or file counters it must continue from after a restore.
 *
 * @param <T> the type of the records written
 * @param <WriterStateT> the type of the state
 * @since 0.1
 */
@Evolving
public interface StatefulSinkWriter<T, WriterStateT> extends SinkWriter<T> {
  /**
   * This writer's state for checkpoint {@code checkpointId}. Called on the subtask's thread when
   * the checkpoint's barrier reaches the sink, after {@link #flush flush(false)} and, for a
   * {@link CommittingSinkWriter}, after {@link CommittingSinkWriter#prepareCommit}.
   *
   * <p>Return several small states rather than one large one where that makes sense: with
   * another parallelism after a restore the runtime spreads the states over the subtasks, each
   * state to exactly one of them.
   */
  List<WriterStateT> snapshotState(long checkpointId) throws IOException;
}
