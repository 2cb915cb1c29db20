package weir.api.connector.source;

import java.util.List;
import weir.api.annotation.Public;

/**
 * Discovers a source's splits and assigns them to readers. Its methods are called by one thread
 * at a time, so it needs no locks.
 *
 * @param <S> the split type
 * @param <E> the type of its checkpoint
 * @since 0.1
 */
@Public
public interface SplitEnumerator<S extends SourceSplit, E> extends AutoCloseable {
  /** Starts the enumerator. */
  void start();

  /** A reader asked for a split. */
  void handleSplitRequest(int subtaskId);

  /** Splits given back by a reader that failed, to be assigned again. */
  void addSplitsBack(List<S> splits, int subtaskId);

  /** A reader registered. */
  void addReader(int subtaskId);

  /** The enumerator's state for a checkpoint: the splits not yet assigned. */
  E snapshotState(long checkpointId) throws Exception;

  /**
   * The checkpoint {@code checkpointId} is complete: every task has stored its part. A
   * notification may be missed (when the job fails right then), and a later one then covers the
   * earlier checkpoints too.
   */
  default void notifyCheckpointComplete(long checkpointId) {}

  @Override
  default void close() throws Exception {}
}
