package weir.runtime.operators;

/**
 * An operator in a chain. Lifecycle: {@link #open} once before the first record, {@link
 * #endInput} once when every input has ended (bounded jobs), {@link #close} once at the end,
 * also on failure and cancellation. All calls come from the subtask's thread.
 */
public interface StreamOperator {
  /** The operator's name for logs and errors. */
  String name();

  /** Prepares the operator; opens its user function. */
  default void open() throws Exception {}

  /** All inputs have ended; emit what is still buffered. */
  default void endInput() throws Exception {}

  /** Releases resources; closes the user function. */
  default void close() throws Exception {}
}
