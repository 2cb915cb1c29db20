package weir.runtime.operators;

/** An operator with one input. */
public interface OneInputOperator<I> extends StreamOperator {
  /** Handles one record. */
  void processElement(I record) throws Exception;

  /** How many records an input reads ahead for at once ({@link #prefetch}). */
  int PREFETCH_GROUP = 16;

  /**
   * Reads ahead what handling {@code record} will read, shortly before it is handled. An input
   * calls it for up to {@link #PREFETCH_GROUP} records in a row, then hands the same records to
   * {@link #processElement} in the same order (unless it stops early), so that their cache misses
   * overlap instead of stalling one record after the other. Optional; does nothing by default.
   *
   * @param slot the record's place in its group, 0 for the first
   */
  default void prefetch(I record, int slot) throws Exception {}

  /** Whether {@link #prefetch} does anything; an input asked once skips reading ahead otherwise. */
  default boolean readsAhead() {
    return false;
  }
}
