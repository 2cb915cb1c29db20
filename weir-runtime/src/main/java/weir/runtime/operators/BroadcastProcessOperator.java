package weir.runtime.operators;

import java.util.List;
import weir.api.functions.BroadcastProcessFunction;
import weir.api.state.MapStateDescriptor;

/**
 * Applies a {@link BroadcastProcessFunction}: input 1 is the non-broadcast stream, input 2 the
 * broadcast one. The declared broadcast states live in the operator state backend, so the task
 * snapshots each subtask's copy.
 */
public final class BroadcastProcessOperator<A, B, O> extends UdfOperator<BroadcastProcessFunction<A, B, O>>
    implements TwoInputOperator<A, B> {
  private final Output<O> output;
  private final ProcessContext<Void> processContext;
  private final BroadcastReadOnlyContext<Void> readOnlyContext;
  private final BroadcastContext<Void> broadcastContext;

  public BroadcastProcessOperator(BroadcastProcessFunction<A, B, O> function,
      List<MapStateDescriptor<?, ?>> broadcastStates, OperatorContext context, Output<O> output) {
    super(function, context);
    this.output = output;
    this.processContext = new ProcessContext<>(output, context, null);
    BroadcastStates states = new BroadcastStates(context.name(), context.operatorState(), broadcastStates);
    this.readOnlyContext = new BroadcastReadOnlyContext<>(processContext, states);
    this.broadcastContext = new BroadcastContext<>(processContext, states, null);
  }

  @Override
  public void processElement1(A record) throws Exception {
    function.processElement(record, readOnlyContext, output);
  }

  @Override
  public void processElement2(B record) throws Exception {
    function.processBroadcastElement(record, broadcastContext, output);
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
