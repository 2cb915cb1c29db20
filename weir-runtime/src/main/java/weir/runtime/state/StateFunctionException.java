package weir.runtime.state;

/** A user function called by a state (reduce in a ReducingState) threw. */
public final class StateFunctionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateFunctionException(String message, Throwable cause) {
    super(message, cause);
  }
}
