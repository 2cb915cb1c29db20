package weir.api.connector.source;

import java.util.List;
import weir.api.annotation.Public;

/**
 * Reads the splits assigned to one parallel subtask. All methods run on the subtask's thread.
 *
 * <h3>Lifecycle</h3>
 * {@link #start}, then {@link #addSplits} and {@link #pollNext} interleaved, {@link
 * #notifyNoMoreSplits} once the enumerator has nothing more for this reader, and {@link #close}.
 * A reader asks for splits through {@link SourceReaderContext#sendSplitRequest()}.
 *
 * @param <T> the type of the records
 * @param <S> the split type
 * @since 0.1
 */
@Public
public interface SourceReader<T, S extends SourceSplit> extends AutoCloseable {
  /** Starts the reader; typically requests a first split. */
  void start();

  /**
   * Emits available records (a bounded number per call) and tells whether more are available.
   * Must not block.
   */
  InputStatus pollNext(ReaderOutput<T> output) throws Exception;

  /**
   * The assigned splits that are not finished, with their current positions: a fresh reader
   * given these splits through {@link #addSplits} emits exactly the records that this reader
   * would have emitted after this call, the first of them being the one right after the last
   * record emitted before it. Called on the subtask's thread between two {@link #pollNext}
   * calls, when the checkpoint's barrier leaves this source.
   */
  List<S> snapshotState(long checkpointId);

  /** Adds splits assigned by the enumerator. */
  void addSplits(List<S> splits);

  /** The enumerator will assign no more splits to this reader. */
  void notifyNoMoreSplits();

  /**
   * The checkpoint {@code checkpointId} is complete: every task has stored its part. A reader
   * may now act on what that checkpoint holds, for example acknowledge the messages read before
   * it. A notification may be missed (when the job fails right then), and a later one then
   * covers the earlier checkpoints too.
   */
  default void notifyCheckpointComplete(long checkpointId) {}

  @Override
  default void close() throws Exception {}
}
