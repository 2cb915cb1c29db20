package weir.api.connector.source;

import weir.api.annotation.Public;
import weir.api.datastream.OutputTag;

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
   * Emits a record to the side output {@code tag} of the source, which the job reads with
   * {@code env.fromSource(...).getSideOutput(tag)}; without such a stream the record is dropped,
   * as for any side output. A source uses it for what is not a record of the main stream, such
   * as the dead letters of records it cannot deserialize. Side-output records carry no event
   * timestamp and take no part in watermarks.
   *
   * @throws UnsupportedOperationException from an output that has no side outputs (a test
   *     driver, say); the runtime's outputs all have them
   */
  default <X> void collect(OutputTag<X> tag, X record) {
    throw new UnsupportedOperationException("This reader output takes no side-output records (tag '" + tag.getId() + "')");
  }

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
