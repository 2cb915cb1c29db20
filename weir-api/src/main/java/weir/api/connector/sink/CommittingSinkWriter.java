package weir.api.connector.sink;

import java.io.IOException;
import java.util.Collection;
import weir.api.annotation.Evolving;

/**
 * The writer of a sink that {@link SupportsCommitter commits} in two phases: it writes records
 * where nobody sees them yet and, at each checkpoint, hands over what must be made visible once
 * that checkpoint is complete.
 *
 * @param <T> the type of the records written
 * @param <CommT> the type of the committables
 * @since 0.1
 */
@Evolving
public interface CommittingSinkWriter<T, CommT> extends SinkWriter<T> {
  /**
   * Ends the current transaction, or whatever holds the records written since the last call, so
   * that it can be committed, and returns what must be committed. Called on the subtask's thread
   * when a checkpoint's barrier reaches the sink, after {@link #flush flush(false)} and before
   * {@link StatefulSinkWriter#snapshotState}; called once more after {@code flush(true)} at the
   * end of input.
   *
   * <p>Everything this writer accepted before the call must be covered by the returned
   * committables (or by those of earlier calls): the checkpoint stores them and counts the
   * records as written. The records must stay invisible until the committables are committed.
   *
   * @return what to commit when the checkpoint completes; empty when nothing was written
   */
  Collection<CommT> prepareCommit() throws IOException, InterruptedException;
}
