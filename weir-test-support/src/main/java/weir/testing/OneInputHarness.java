package weir.testing;

import weir.runtime.operators.OneInputOperator;
import weir.runtime.time.RecordTimestamp;

/**
 * A harness for an operator with one input; see {@link OperatorHarness} for what it offers
 * besides feeding records.
 *
 * <pre>{@code
 * try (var harness = FunctionTestHarness.forMap((String s) -> s.length())) {
 *   harness.processElement("weir");
 *   assertThat(harness.output()).containsExactly(4);
 * }
 * }</pre>
 *
 * @param <I> the input type
 * @param <O> the type of the main output
 * @since 0.1
 */
public final class OneInputHarness<I, O> extends OperatorHarness<O> {
  private final OneInputOperator<I> operator;

  OneInputHarness(OneInputOperator<I> operator, SubtaskFixture<O> fixture) {
    super(operator, fixture);
    this.operator = operator;
  }

  /** Hands one record without a timestamp to the operator. */
  public void processElement(I record) throws Exception {
    processElement(record, RecordTimestamp.NONE);
  }

  /** Hands one record with its event timestamp to the operator. */
  public void processElement(I record, long timestamp) throws Exception {
    checkOpen();
    setTimestamp(timestamp);
    operator.processElement(record);
  }

  /** Hands the records to the operator in order. */
  public void processElements(Iterable<? extends I> records) throws Exception {
    for (I record : records) {
      processElement(record);
    }
  }
}
