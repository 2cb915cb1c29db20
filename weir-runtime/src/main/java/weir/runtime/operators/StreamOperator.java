package weir.runtime.operators;

import java.util.List;
import java.util.Map;

/**
 * An operator in a chain. Lifecycle: {@link #open} once before the first record, {@link
 * #endInput} once when every input has ended (bounded jobs), {@link #close} once at the end,
 * also on failure and cancellation. All calls come from the subtask's thread.
 */
public interface StreamOperator {
  /** The operator's name for logs and errors. */
  String name();

  /** Where the operator emits; watermarks and idleness are passed on there by default. */
  Output<?> output();

  /**
   * The subtask's watermark advanced (for two inputs: the minimum of both). Operators with
   * event-time timers fire those due first; all pass the watermark on.
   */
  default void processWatermark(long watermark) throws Exception {
    output().emitWatermark(watermark);
  }

  /** All inputs of the subtask became idle, or one became active again. */
  default void processWatermarkStatus(boolean idle) throws Exception {
    output().emitWatermarkStatus(idle);
  }

  /** Prepares the operator; opens its user function. */
  default void open() throws Exception {}

  /** All inputs have ended; emit what is still buffered. */
  default void endInput() throws Exception {}

  /**
   * Checkpoint {@code checkpointId}'s barrier (triggered at {@code timestamp}) reached the
   * operator: returns the operator's own state as lists of serialized elements by name. The task
   * then snapshots the operator state backend, keyed state and timers, so what a user function
   * writes into its states here is part of the checkpoint. Runs on the subtask's thread; keep it
   * short.
   */
  default Map<String, List<byte[]>> snapshotOperatorState(long checkpointId, long timestamp) throws Exception {
    return Map.of();
  }

  /** Checkpoint {@code checkpointId} is complete: what it covers is durable (sinks commit now). */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  /** Checkpoint {@code checkpointId} was aborted. */
  default void notifyCheckpointAborted(long checkpointId) throws Exception {}

  /** Releases resources; closes the user function. */
  default void close() throws Exception {}
}
