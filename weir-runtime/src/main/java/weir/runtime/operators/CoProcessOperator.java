package weir.runtime.operators;

import weir.api.functions.CoProcessFunction;

/** Applies a {@link CoProcessFunction}. */
public final class CoProcessOperator<A, B, O> extends UdfOperator<CoProcessFunction<A, B, O>>
    implements TwoInputOperator<A, B> {
  private final Output<O> output;
  private final ProcessContext<Void> processContext;

  public CoProcessOperator(CoProcessFunction<A, B, O> function, OperatorContext context, Output<O> output) {
    super(function, context);
    this.output = output;
    this.processContext = new ProcessContext<>(output, context, null);
  }

  @Override
  public void processElement1(A record) throws Exception {
    function.processElement1(record, processContext, output);
  }

  @Override
  public void processElement2(B record) throws Exception {
    function.processElement2(record, processContext, output);
  }

  @Override
  public void processWatermark(long watermark) {
    processContext.setWatermark(watermark);
    output.emitWatermark(watermark);
  }

  @Override
  public Output<?> output() {
    return output;
  }
}
