package weir.api.connector.source.lib;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;
import weir.api.annotation.Public;
import weir.api.connector.source.InputStatus;
import weir.api.connector.source.ReaderOutput;
import weir.api.connector.source.SourceReader;
import weir.api.connector.source.SourceReaderContext;
import weir.api.connector.source.SourceSplit;

/**
 * Base of readers that read their splits one after the other: it asks the enumerator for a split
 * whenever it has none queued, and ends once the enumerator has no more and the last split is
 * done. Subclasses read one split at a time.
 *
 * <p>Owned by the subtask's thread.
 *
 * @param <T> the record type
 * @param <S> the split type
 * @since 0.1
 */
@Public
public abstract class SequentialSplitReader<T, S extends SourceSplit> implements SourceReader<T, S> {
  /** How many records one {@link #pollNext} call emits at most. */
  protected static final int BATCH_SIZE = 1024;

  private final SourceReaderContext context;
  private final ArrayDeque<S> queued = new ArrayDeque<>();
  @Nullable private S current;
  @Nullable private ReaderOutput<T> currentOutput;
  private boolean noMoreSplits;
  private boolean requested;

  protected SequentialSplitReader(SourceReaderContext context) {
    this.context = context;
  }

  @Override
  public void start() {
    requestSplit();
  }

  @Override
  public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
    if (current == null) {
      S next = queued.poll();
      if (next == null) {
        if (noMoreSplits) {
          return InputStatus.END_OF_INPUT;
        }
        requestSplit();
        return InputStatus.NOTHING_AVAILABLE;
      }
      current = next;
      currentOutput = output.createOutputForSplit(next.splitId());
      openSplit(next);
    }
    InputStatus status = readBatch(currentOutput);
    if (status == InputStatus.END_OF_INPUT) {
      closeSplit();
      output.releaseOutputForSplit(current.splitId());
      current = null;
      currentOutput = null;
      if (queued.isEmpty()) {
        requestSplit();
      }
      return noMoreSplits && queued.isEmpty() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }
    return status;
  }

  private void requestSplit() {
    if (!requested && !noMoreSplits) {
      requested = true;
      context.sendSplitRequest();
    }
  }

  @Override
  public List<S> snapshotState(long checkpointId) {
    List<S> result = new ArrayList<>(queued.size() + 1);
    if (current != null) {
      result.add(currentPosition());
    }
    result.addAll(queued);
    return result;
  }

  @Override
  public void addSplits(List<S> splits) {
    queued.addAll(splits);
    requested = false;
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
    requested = false;
  }

  /** The reader's context. */
  protected SourceReaderContext context() {
    return context;
  }

  /** Prepares to read {@code split} from its recorded position. */
  protected abstract void openSplit(S split) throws Exception;

  /**
   * Emits up to {@link #BATCH_SIZE} records of the current split; returns END_OF_INPUT when the
   * split is exhausted.
   */
  protected abstract InputStatus readBatch(ReaderOutput<T> output) throws Exception;

  /** The current split with its position advanced past everything emitted so far. */
  protected abstract S currentPosition();

  /** Releases what {@link #openSplit} acquired. */
  protected void closeSplit() throws Exception {}
}
