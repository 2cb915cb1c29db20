package weir.api.environment;

import weir.api.annotation.Public;

/**
 * The states of a job.
 *
 * <pre>
 * CREATED ─► RUNNING ─► FINISHED
 *               │ ├───► FAILED
 *               │ └───► CANCELLING ─► CANCELED
 * </pre>
 *
 * @since 0.1
 */
@Public
public enum JobStatus {
  CREATED,
  RUNNING,
  FINISHED,
  FAILED,
  CANCELLING,
  CANCELED;

  /** Whether the job has ended in this state. */
  public boolean isTerminal() {
    return this == FINISHED || this == FAILED || this == CANCELED;
  }
}
