package weir.runtime.operators;

import weir.api.functions.KeySelector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.TimeDomain;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.VoidNamespace;
import weir.runtime.time.InternalTimerService;

/**
 * Applies a {@link KeyedProcessFunction}, setting the record's key on the state backend first;
 * fires the function's timers.
 */
public final class KeyedProcessOperator<K, I, O> extends UdfOperator<KeyedProcessFunction<K, I, O>>
    implements OneInputOperator<I>, InternalTimerService.Triggerable<VoidNamespace> {
  private final KeySelector<I, K> keySelector;
  private final HeapKeyedStateBackend state;
  private final Output<O> output;
  private final InternalTimerService<VoidNamespace> timers;
  private final ProcessContext<K> processContext;

  public KeyedProcessOperator(
      KeyedProcessFunction<K, I, O> function, KeySelector<I, K> keySelector, OperatorContext context, Output<O> output) {
    super(function, context);
    this.keySelector = keySelector;
    this.state = context.requireKeyedState();
    this.output = output;
    this.timers = new InternalTimerService<>(state, context.clock(), this);
    context.processingTimers().register(timers);
    this.processContext = new ProcessContext<>(output, context, timers);
  }

  @Override
  public void processElement(I record) throws Exception {
    K key = keySelector.getKey(record);
    state.setCurrentKey(key);
    processContext.setCurrentKey(key);
    function.processElement(record, processContext, output);
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    timers.advanceWatermark(watermark);
    output.emitWatermark(watermark);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void onEventTime(long time, Object key, VoidNamespace namespace) throws Exception {
    fire(time, (K) key, TimeDomain.EVENT_TIME);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void onProcessingTime(long time, Object key, VoidNamespace namespace) throws Exception {
    fire(time, (K) key, TimeDomain.PROCESSING_TIME);
  }

  private void fire(long time, K key, TimeDomain domain) throws Exception {
    long saved = processContext.beginTimer(time, key, domain);
    try {
      function.onTimer(time, processContext, output);
    } finally {
      processContext.endTimer(saved);
    }
  }

  @Override
  public Output<?> output() {
    return output;
  }
}
