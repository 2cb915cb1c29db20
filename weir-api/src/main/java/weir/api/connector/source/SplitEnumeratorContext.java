package weir.api.connector.source;

import weir.api.annotation.Public;

/**
 * How an enumerator assigns splits to readers.
 *
 * @since 0.1
 */
@Public
public interface SplitEnumeratorContext<S extends SourceSplit> {
  /** The number of readers. */
  int currentParallelism();

  /** Assigns a split to the reader of {@code subtaskId}. */
  void assignSplit(S split, int subtaskId);

  /** Tells the reader of {@code subtaskId} that no more splits will come. */
  void signalNoMoreSplits(int subtaskId);
}
