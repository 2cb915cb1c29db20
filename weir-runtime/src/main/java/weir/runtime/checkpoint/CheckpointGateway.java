package weir.runtime.checkpoint;

import java.util.concurrent.Callable;

/**
 * The checkpoint coordinator as a subtask sees it. Embedded, the coordinator itself; on a
 * TaskManager, a proxy that writes the subtask's state to the checkpoint storage there and
 * reports the handle to the coordinator on the JobManager.
 */
public interface CheckpointGateway {
  /** The job's checkpoint settings. */
  weir.api.checkpoint.CheckpointConfig config();

  /** The subtask has built its operators and restored its state. */
  void taskInitialized(CheckpointCoordinator.Participant task);

  /** The subtask's input ended. */
  void inputEnded(CheckpointCoordinator.Participant task);

  /**
   * The subtask's snapshot of checkpoint {@code id}, whose synchronous part it took on its thread
   * in {@code syncNanos} after aligning for {@code alignmentNanos}; {@code snapshot} writes the
   * rest off the subtask's thread.
   */
  void acknowledge(CheckpointCoordinator.Participant task, long id, Callable<TaskSnapshot> snapshot, long alignmentNanos,
      long syncNanos);

  /** The subtask could not take its part of checkpoint {@code id}. */
  void decline(CheckpointCoordinator.Participant task, long id, Throwable cause);
}
