package weir.runtime.task;

import weir.runtime.exchange.CheckpointBarrier;
import weir.runtime.exchange.InFlightRecords;

/**
 * How a task's input calls the task back during a checkpoint. A top-level type, as the input is
 * instantiated from a hidden copy of its class.
 */
interface BarrierAligned {
  /**
   * Aligned: checkpoint {@code id}, triggered at {@code timestamp}, has arrived on every input
   * channel (or the channel ended) after {@code alignmentNanos} since the first barrier; the task
   * snapshots, sends the barrier on and acknowledges.
   */
  void onAligned(long checkpointId, long timestamp, long alignmentNanos) throws Exception;

  /**
   * Unaligned: the task snapshots now and posts the barrier ahead of its output; it acknowledges
   * when {@link #onInFlightComplete} brings the records in flight. {@code alignmentNanos}: the time
   * since the first barrier (zero, or the alignment timeout when the checkpoint switched).
   */
  void onUnalignedSnapshot(CheckpointBarrier barrier, long alignmentNanos) throws Exception;

  /** Unaligned: the records in flight of every input channel ({@code null} entries: none). */
  void onInFlightComplete(long checkpointId, InFlightRecords[] inputs) throws Exception;
}
