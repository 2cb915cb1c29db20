package weir.runtime.operators;

import weir.api.functions.KeySelector;
import weir.api.functions.KeyedCoProcessFunction;
import weir.api.functions.TimeDomain;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.VoidNamespace;
import weir.runtime.time.InternalTimerService;

/**
 * Applies a {@link KeyedCoProcessFunction}; records of both inputs share their key's state and
 * timers.
 */
public final class KeyedCoProcessOperator<K, A, B, O> extends UdfOperator<KeyedCoProcessFunction<K, A, B, O>>
    implements TwoInputOperator<A, B>, InternalTimerService.Triggerable<VoidNamespace> {
  private final KeySelector<A, K> keySelector1;
  private final KeySelector<B, K> keySelector2;
  private final HeapKeyedStateBackend state;
  private final Output<O> output;
  private final InternalTimerService<VoidNamespace> timers;
  private final ProcessContext<K> processContext;

  public KeyedCoProcessOperator(KeyedCoProcessFunction<K, A, B, O> function, KeySelector<A, K> keySelector1,
      KeySelector<B, K> keySelector2, OperatorContext context, Output<O> output) {
    super(function, context);
    this.keySelector1 = keySelector1;
    this.keySelector2 = keySelector2;
    this.state = context.requireKeyedState();
    this.output = output;
    this.timers = new InternalTimerService<>(state, context.clock(), this);
    context.processingTimers().register(timers);
    this.processContext = new ProcessContext<>(output, context, timers);
  }

  @Override
  public void processElement1(A record) throws Exception {
    setKey(keySelector1.getKey(record));
    function.processElement1(record, processContext, output);
  }

  @Override
  public void processElement2(B record) throws Exception {
    setKey(keySelector2.getKey(record));
    function.processElement2(record, processContext, output);
  }

  private void setKey(K key) {
    state.setCurrentKey(key);
    processContext.setCurrentKey(key);
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
