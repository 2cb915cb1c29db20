package weir.api.connector.source;

import java.io.Serializable;
import weir.api.annotation.Public;

/**
 * A source of records, split into {@link SourceSplit}s: an enumerator (one per job) discovers the
 * splits and hands them to readers (one per parallel subtask), which read them.
 *
 * <h3>Threading</h3>
 * The enumerator's methods are called by one coordinating thread at a time. Each reader belongs to
 * its subtask's thread. {@link SourceReader#pollNext} must not block: it returns
 * {@link InputStatus#NOTHING_AVAILABLE} when it has nothing now, and the runtime asks again later.
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
}
