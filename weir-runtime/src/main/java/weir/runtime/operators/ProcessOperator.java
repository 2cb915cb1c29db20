package weir.runtime.operators;

import weir.api.functions.ProcessFunction;

/** Applies a {@link ProcessFunction}. */
public final class ProcessOperator<I, O> extends UdfOperator<ProcessFunction<I, O>> implements OneInputOperator<I> {
  private final Output<O> output;
  private final ProcessContext<Void> processContext;

  public ProcessOperator(ProcessFunction<I, O> function, OperatorContext context, Output<O> output) {
    super(function, context);
    this.output = output;
    this.processContext = new ProcessContext<>(output, context, null);
  }

  @Override
  public void processElement(I record) throws Exception {
    function.processElement(record, processContext, output);
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
