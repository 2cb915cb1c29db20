package weir.api.connector.sink;

import java.time.Duration;
import java.util.Optional;
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

  /**
   * The job's checkpoint interval, or empty when checkpointing is off. A two-phase sink checks
   * with it at start that what it prepares outlives the time to the commit (a transaction
   * timeout, say).
   */
  default Optional<Duration> getCheckpointInterval() {
    return Optional.empty();
  }

  /** Where the job's dead letters go ({@link weir.api.connector.sink.lib.DeadLetterSink}). */
  default DeadLetterOutput getDeadLetterOutput() {
    throw new UnsupportedOperationException("This runtime keeps no dead letters");
  }

  /**
   * Takes the dead letters of a job for the engine to keep. Thread-safe.
   *
   * @since 0.1
   */
  @FunctionalInterface
  interface DeadLetterOutput {
    void send(weir.api.connector.sink.lib.DeadLetter letter);
  }
}
