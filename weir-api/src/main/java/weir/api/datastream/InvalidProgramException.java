package weir.api.datastream;

import weir.api.annotation.Public;

/**
 * The job as written cannot run: thrown while the job is built, before anything is submitted.
 * The message names the operator or type at fault and how to fix it.
 *
 * @since 0.1
 */
@Public
public class InvalidProgramException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidProgramException(String message) {
    super(message);
  }

  public InvalidProgramException(String message, Throwable cause) {
    super(message, cause);
  }
}
