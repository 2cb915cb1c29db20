package weir.api.state;

import weir.api.annotation.Public;

/**
 * A user function that wants to know when checkpoints complete or are given up: for example to
 * make effects visible that the checkpoint now covers. A completed checkpoint is never undone,
 * but a notification can be lost (the job may fail right after the checkpoint completed), so
 * the next completion covers everything before it too. Calls come on the subtask's own thread,
 * between records.
 *
 * <p>Works on the functions of map, flatMap, filter, process, keyed process, co-process and join
 * operators, like {@link CheckpointedFunction}.
 *
 * @since 0.1
 */
@Public
public interface CheckpointListener {
  /** Checkpoint {@code checkpointId} is complete: every subtask of the job has its state in it. */
  void notifyCheckpointComplete(long checkpointId) throws Exception;

  /** Checkpoint {@code checkpointId} was given up; nothing of it will be restored. */
  default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
