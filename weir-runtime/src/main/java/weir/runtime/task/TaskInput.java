package weir.runtime.task;

import java.util.List;
import weir.api.connector.SimpleVersionedSerializer;
import weir.runtime.exchange.CheckpointBarrier;
import weir.runtime.exchange.InFlightRecords;

/** Where a task's records come from: a source reader, or the channels of its input gates. */
interface TaskInput {
  /** Hands up to {@code budget} records to the head operator; stops early when backpressured. */
  ProgressState process(int budget, StreamTask task) throws Exception;

  /** The input's current watermark, for monitoring from another thread (it may lag). */
  /** The records handed to the head operator so far; read by monitoring from another thread. */
  default long recordsIn() {
    return 0;
  }

  default long watermark() {
    return Long.MIN_VALUE;
  }

  /**
   * Starts the checkpoint of {@code barrier} without a barrier in the channels (channel inputs):
   * it completes, calling the task back, once every channel delivered the barrier or ended.
   */
  default void startCheckpoint(CheckpointBarrier barrier) throws Exception {}

  /**
   * Channel inputs: takes priority barriers and switches an alignment that took too long to
   * unaligned; called between batches, also while the task is backpressured.
   */
  default void pollCheckpointEvents() throws Exception {}

  /** Channel inputs: records an unaligned checkpoint held in flight, replayed before anything else. */
  default void restoreInFlight(InFlightRecords[] inputs) {}

  /** Source inputs: hands pending split assignments to the reader and takes marked checkpoints. */
  default void drainMailbox(StreamTask task) throws Exception {}

  /** Source inputs: the reader's splits for checkpoint {@code id}, each as version and bytes. */
  default List<byte[]> snapshotSplits(long id, SimpleVersionedSerializer<Object> serializer) throws Exception {
    return List.of();
  }

  /** Source inputs: gives the reader the splits of a restored snapshot. */
  default void restoreSplits(List<byte[]> splits, SimpleVersionedSerializer<Object> serializer) throws Exception {}

  /** Checkpoint {@code id} is complete. */
  default void notifyCheckpointComplete(long id) throws Exception {}

  /** Releases the input's resources. */
  void close() throws Exception;
}
