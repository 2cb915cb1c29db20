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
  private final FunctionTestHarness.OperatorFactory<TwoInputOperator<A, B>, O> factory;

  TwoInputHarness(FunctionTestHarness.OperatorFactory<TwoInputOperator<A, B>, O> factory, SubtaskFixture<O> fixture)
      throws Exception {
    this(factory.create(fixture), factory, fixture);
  }

  private TwoInputHarness(TwoInputOperator<A, B> operator,
      FunctionTestHarness.OperatorFactory<TwoInputOperator<A, B>, O> factory, SubtaskFixture<O> fixture) {
    super(operator, fixture);
    this.operator = operator;
    this.factory = factory;
  }

  /**
   * A new harness, open, around a fresh instance of this operator that plays subtask {@code
   * settings} and starts from the key groups of {@code snapshots} it owns (see {@link
   * SubtaskSnapshot}); pass the snapshots of every subtask of a checkpoint to restore it at
   * another parallelism. This harness is left as it is.
   *
   * @throws IllegalStateException if the operator is not keyed
   * @throws IllegalArgumentException if {@code settings} has another max parallelism, or two
   *     snapshots hold the same key group
   */
  public TwoInputHarness<A, B, O> restore(SubtaskSettings settings, SubtaskSnapshot... snapshots) throws Exception {
    TwoInputHarness<A, B, O> restored = new TwoInputHarness<>(factory, restoredFixture(settings, snapshots));
    restored.open();
    return restored;
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
