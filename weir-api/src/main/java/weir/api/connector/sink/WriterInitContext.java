package weir.api.connector.sink;

import weir.api.annotation.Public;

/**
 * What a sink writer knows of its subtask.
 *
 * @since 0.1
 */
@Public
public interface WriterInitContext {
  /** The name of the job. */
  String getJobName();

  /** This writer's subtask index. */
  int getSubtaskIndex();

  /** The sink's parallelism. */
  int getParallelism();

  /** How many times this subtask was restarted before this attempt. */
  int getAttemptNumber();
}
