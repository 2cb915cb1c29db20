package weir.api.connector.sink;

import weir.api.annotation.Evolving;

/**
 * What a {@link Committer} knows of its subtask.
 *
 * @since 0.1
 */
@Evolving
public interface CommitterInitContext {
  /** The name of the job. */
  String getJobName();

  /** This committer's subtask index. */
  int getSubtaskIndex();

  /** The committers' parallelism. */
  int getParallelism();

  /** How many times this subtask was restarted before this attempt. */
  int getAttemptNumber();
}
