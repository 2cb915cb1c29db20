package weir.runtime.operators;

import weir.api.functions.FilterFunction;

/** Applies a {@link FilterFunction}. */
public final class FilterOperator<T> extends UdfOperator<FilterFunction<T>> implements OneInputOperator<T> {
  private final Output<T> output;

  public FilterOperator(FilterFunction<T> function, OperatorContext context, Output<T> output) {
    super(function, context);
    this.output = output;
  }

  @Override
  public void processElement(T record) throws Exception {
    if (function.filter(record)) {
      output.collect(record);
    }
  }

  @Override
  public Output<?> output() {
    return output;
  }
}
