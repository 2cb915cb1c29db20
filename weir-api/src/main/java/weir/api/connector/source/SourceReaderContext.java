package weir.api.connector.source;

import weir.api.annotation.Public;

/**
 * What a reader knows of its subtask and how it talks to the enumerator.
 *
 * @since 0.1
 */
@Public
public interface SourceReaderContext {
  /** This reader's subtask index. */
  int getSubtaskIndex();

  /** The source's parallelism. */
  int getParallelism();

  /** Asks the enumerator for a split; the answer arrives as {@code addSplits} or {@code notifyNoMoreSplits}. */
  void sendSplitRequest();
}
