package weir.runtime.operators;

import weir.api.functions.MapFunction;

/** Applies a {@link MapFunction}. */
public final class MapOperator<I, O> extends UdfOperator<MapFunction<I, O>> implements OneInputOperator<I> {
  private final Output<O> output;

  public MapOperator(MapFunction<I, O> function, OperatorContext context, Output<O> output) {
    super(function, context);
    this.output = output;
  }

  @Override
  public void processElement(I record) throws Exception {
    output.collect(function.map(record));
  }

  @Override
  public Output<?> output() {
    return output;
  }
}
