package weir.api.connector.source;

import weir.api.annotation.Public;

/**
 * Where a reader emits records, on its subtask's thread.
 *
 * @since 0.1
 */
@Public
public interface ReaderOutput<T> {
  /** Emits a record without a timestamp of its own. */
  void collect(T record);

  /** Emits a record with its event timestamp (milliseconds since the epoch). */
  void collect(T record, long timestamp);

  /**
   * The output for the records of one split, so that watermarks are generated per split (each
   * Kafka partition, say, has its own generator, and the subtask's watermark is the minimum over
   * its splits). Call {@link #releaseOutputForSplit} when the split is finished, so it no longer
   * holds the watermark back. Without a watermark strategy, this output itself.
   */
  default ReaderOutput<T> createOutputForSplit(String splitId) {
    return this;
  }

  /** The split is finished: its output no longer takes part in the watermark. */
  default void releaseOutputForSplit(String splitId) {}
}
