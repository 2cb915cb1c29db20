package weir.api.connector.source;

import java.io.Serializable;
import weir.api.annotation.Public;
import weir.api.connector.SimpleVersionedSerializer;

/**
 * A source of records, split into {@link SourceSplit}s: an enumerator (one per job) discovers the
 * splits and hands them to readers (one per parallel subtask), which read them.
 *
 * <h3>Threading</h3>
 * The enumerator's methods are called by one coordinating thread at a time. Each reader belongs to
 * its subtask's thread. {@link SourceReader#pollNext} must not block: it returns
 * {@link InputStatus#NOTHING_AVAILABLE} when it has nothing now, and the runtime asks again later.
 *
 * <h3>Checkpoints</h3>
 * At a checkpoint each reader returns its unfinished splits with their positions
 * ({@link SourceReader#snapshotState}) and the enumerator returns its own state
 * ({@link SplitEnumerator#snapshotState}); both are stored as bytes by the serializers this source
 * names. Every unfinished split is in exactly one of them: in the enumerator's state while it is not
 * assigned, in the state of its reader once it is. On restore, the enumerator comes from
 * {@link #restoreEnumerator} and each fresh reader gets its stored splits through
 * {@link SourceReader#addSplits}, and reading continues right after the last record emitted
 * before the checkpoint.
 *
 * @param <T> the type of the records
 * @param <S> the split type
 * @param <E> the type of the enumerator's checkpoint
 * @since 0.1
 */
@Public
public interface Source<T, S extends SourceSplit, E> extends Serializable {
  /** Whether this source ends ({@link Boundedness#BOUNDED}) or runs until cancelled. */
  Boundedness getBoundedness();

  /** Creates the enumerator of a fresh run. */
  SplitEnumerator<S, E> createEnumerator(SplitEnumeratorContext<S> context) throws Exception;

  /** Creates the enumerator from its checkpoint when a job restores. */
  SplitEnumerator<S, E> restoreEnumerator(SplitEnumeratorContext<S> context, E checkpoint)
      throws Exception;

  /** Creates the reader of one parallel subtask. */
  SourceReader<T, S> createReader(SourceReaderContext context) throws Exception;

  /** How the splits are stored in checkpoints, positions included. */
  SimpleVersionedSerializer<S> getSplitSerializer();

  /** How the enumerator's checkpoint is stored. */
  SimpleVersionedSerializer<E> getEnumeratorCheckpointSerializer();
}
