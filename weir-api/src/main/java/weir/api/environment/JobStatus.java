package weir.api.environment;

import weir.api.annotation.Public;

/**
 * The states of a job.
 *
 * <pre>
 * CREATED ─► RUNNING ─► FINISHED
 *             ▲ │ ├───► FAILED
 *             │ │ ├───► CANCELLING ─► CANCELED
 *             │ ▼ │
 *          RESTARTING (a task failed and the restart strategy allows another attempt)
 * </pre>
 *
 * @since 0.1
 */
@Public
public enum JobStatus {
  CREATED,
  RUNNING,
  /** A task failed; the job waits for its restart strategy's delay and restarts from the latest checkpoint. */
  RESTARTING,
  FINISHED,
  FAILED,
  CANCELLING,
  CANCELED;

  /** Whether the job has ended in this state. */
  public boolean isTerminal() {
    return this == FINISHED || this == FAILED || this == CANCELED;
  }
}
