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
}
