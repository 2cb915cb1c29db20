package weir.api.environment;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import weir.api.annotation.Public;

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

  /** Asks the job to cancel; returns at once. Use {@link #await} to wait for it to end. */
  void cancel();

  /** Waits for the job to end and returns its result. */
  JobExecutionResult await() throws JobExecutionException;

  /** Waits at most {@code timeout} for the job to end. */
  JobExecutionResult await(Duration timeout) throws JobExecutionException, TimeoutException;
}
