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
  private final FunctionTestHarness.OperatorFactory<OneInputOperator<I>, O> factory;

  OneInputHarness(FunctionTestHarness.OperatorFactory<OneInputOperator<I>, O> factory, SubtaskFixture<O> fixture)
      throws Exception {
    this(factory.create(fixture), factory, fixture);
  }

  private OneInputHarness(OneInputOperator<I> operator,
      FunctionTestHarness.OperatorFactory<OneInputOperator<I>, O> factory, SubtaskFixture<O> fixture) {
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
  public OneInputHarness<I, O> restore(SubtaskSettings settings, SubtaskSnapshot... snapshots) throws Exception {
    OneInputHarness<I, O> restored = new OneInputHarness<>(factory, restoredFixture(settings, snapshots));
    restored.open();
    return restored;
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
