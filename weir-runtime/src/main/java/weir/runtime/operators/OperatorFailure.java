package weir.runtime.operators;

/**
 * An exception thrown by an operator, tagged with the operator's name as it travels up a chain
 * of direct calls; the task reports it with its subtask and the original cause.
 */
public final class OperatorFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operatorName;

  public OperatorFailure(String operatorName, Throwable cause) {
    super("Operator '" + operatorName + "' failed: " + cause, cause);
    this.operatorName = operatorName;
  }

  /** Wraps {@code t} unless it already names an operator. */
  public static RuntimeException of(String operatorName, Throwable t) {
    return t instanceof OperatorFailure f ? f : new OperatorFailure(operatorName, t);
  }

  /** The operator that threw. */
  public String operatorName() {
    return operatorName;
  }
}
