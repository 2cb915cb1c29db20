package weir.runtime.operators;

import weir.api.functions.FlatMapFunction;

/** Applies a {@link FlatMapFunction}; the output is the collector. */
public final class FlatMapOperator<I, O> extends UdfOperator<FlatMapFunction<I, O>> implements OneInputOperator<I> {
  private final Output<O> output;

  public FlatMapOperator(FlatMapFunction<I, O> function, OperatorContext context, Output<O> output) {
    super(function, context);
    this.output = output;
  }

  @Override
  public void processElement(I record) throws Exception {
    function.flatMap(record, output);
  }

  @Override
  public Output<?> output() {
    return output;
  }
}
