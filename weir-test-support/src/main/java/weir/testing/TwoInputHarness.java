package weir.testing;

import weir.runtime.operators.TwoInputOperator;
import weir.runtime.time.RecordTimestamp;

/**
 * A harness for an operator with two inputs; the test decides how the records of the two inputs
 * interleave. See {@link OperatorHarness} for what it offers besides feeding records.
 *
 * @param <A> the type of the first input
 * @param <B> the type of the second input
 * @param <O> the type of the main output
 * @since 0.1
 */
public final class TwoInputHarness<A, B, O> extends OperatorHarness<O> {
  private final TwoInputOperator<A, B> operator;

  TwoInputHarness(TwoInputOperator<A, B> operator, SubtaskFixture<O> fixture) {
    super(operator, fixture);
    this.operator = operator;
  }

  /** Hands one record of the first input without a timestamp to the operator. */
  public void processElement1(A record) throws Exception {
    processElement1(record, RecordTimestamp.NONE);
  }

  /** Hands one record of the first input with its event timestamp to the operator. */
  public void processElement1(A record, long timestamp) throws Exception {
    checkOpen();
    setTimestamp(timestamp);
    operator.processElement1(record);
  }

  /** Hands one record of the second input without a timestamp to the operator. */
  public void processElement2(B record) throws Exception {
    processElement2(record, RecordTimestamp.NONE);
  }

  /** Hands one record of the second input with its event timestamp to the operator. */
  public void processElement2(B record, long timestamp) throws Exception {
    checkOpen();
    setTimestamp(timestamp);
    operator.processElement2(record);
  }
}
