package weir.api.environment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import weir.api.annotation.Public;
import weir.api.checkpoint.CheckpointStats;

/**
 * A handle to a submitted job. Thread-safe.
 *
 * @since 0.1
 */
@Public
public interface JobClient {
  /** The job's id. */
  String getJobId();

  /** The job's current status. */
  JobStatus getJobStatus();

  /** Completes with the result when the job finishes, exceptionally when it fails or is cancelled. */
  CompletableFuture<JobExecutionResult> getJobExecutionResult();

  /**
   * Takes a checkpoint now, besides the periodic ones; completes with its id once it is
   * complete, exceptionally when checkpointing is off or the checkpoint fails.
   */
  CompletableFuture<Long> triggerCheckpoint();

  /**
   * The figures of the job's completed checkpoints, oldest first (savepoints included): how long
   * each took and how big it was, and per subtask how long it aligned barriers, how long it
   * stopped processing for its snapshot and how long the snapshot took to write. Empty when
   * checkpointing is off.
   */
  List<CheckpointStats> getCheckpointStats();

  /**
   * The latest records the job sent to its dead-letter output ({@link
   * weir.api.connector.sink.lib.DeadLetterSink}), oldest first; the engine keeps the latest 1000.
   */
  default List<weir.api.connector.sink.lib.DeadLetter> getDeadLetters() {
    return List.of();
  }

  /**
   * Takes a savepoint into a new folder under {@code directory}: a checkpoint that belongs to
   * the user, self-contained and never deleted by the job; completes with its folder, to be
   * given to {@code SavepointRestoreSettings.forPath}. Needs checkpointing on.
   */
  CompletableFuture<Path> triggerSavepoint(Path directory);

  /**
   * Takes a savepoint as {@link #triggerSavepoint} does, then stops the job, which ends
   * FINISHED; completes with the savepoint's folder. The sources are not drained: event time
   * does not advance to the end, so windows and timers still pending resume from the savepoint.
   */
  CompletableFuture<Path> stopWithSavepoint(Path directory);

  /**
   * Like {@link #stopWithSavepoint(Path)}; with {@code drain}, the sources stop reading first and
   * event time advances to the end, so every window fires and every event-time timer goes off
   * before the savepoint, and sinks commit all output. The savepoint keeps the sources'
   * positions: a job resumed from it reads on from where they stopped, with no window state
   * left. Without {@code drain}, exactly {@link #stopWithSavepoint(Path)}.
   */
  CompletableFuture<Path> stopWithSavepoint(Path directory, boolean drain);

  /** Asks the job to cancel; returns at once. Use {@link #await} to wait for it to end. */
  void cancel();

  /** Waits for the job to end and returns its result. */
  JobExecutionResult await() throws JobExecutionException;

  /** Waits at most {@code timeout} for the job to end. */
  JobExecutionResult await(Duration timeout) throws JobExecutionException, TimeoutException;
}
