package weir.api.environment;

import weir.api.annotation.Public;

/**
 * A job failed or was cancelled. The message names the job and, for a failure, the operator and
 * subtask where it began; the cause is the original exception.
 *
 * @since 0.1
 */
@Public
public class JobExecutionException extends Exception {
  private static final long serialVersionUID = 1L;

  public JobExecutionException(String message, Throwable cause) {
    super(message, cause);
  }
}
