package weir.runtime.operators;

import java.util.List;
import weir.api.functions.KeySelector;
import weir.api.functions.KeyedBroadcastProcessFunction;
import weir.api.functions.TimeDomain;
import weir.api.state.MapStateDescriptor;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.VoidNamespace;
import weir.runtime.time.InternalTimerService;

/**
 * Applies a {@link KeyedBroadcastProcessFunction}: input 1 is the keyed stream, whose records
 * make their key current; input 2 the broadcast stream, whose records run with no key current
 * (keyed state is reached through {@code applyToKeyedState}). Fires the function's timers.
 */
public final class KeyedBroadcastProcessOperator<K, A, B, O>
    extends UdfOperator<KeyedBroadcastProcessFunction<K, A, B, O>>
    implements TwoInputOperator<A, B>, InternalTimerService.Triggerable<VoidNamespace> {
  private final KeySelector<A, K> keySelector;
  private final HeapKeyedStateBackend state;
  private final Output<O> output;
  private final InternalTimerService<VoidNamespace> timers;
  private final ProcessContext<K> processContext;
  private final BroadcastReadOnlyContext<K> readOnlyContext;
  private final BroadcastContext<K> broadcastContext;

  public KeyedBroadcastProcessOperator(KeyedBroadcastProcessFunction<K, A, B, O> function,
      List<MapStateDescriptor<?, ?>> broadcastStates, KeySelector<A, K> keySelector, OperatorContext context,
      Output<O> output) {
    super(function, context);
    this.keySelector = keySelector;
    this.state = context.requireKeyedState();
    this.output = output;
    this.timers = new InternalTimerService<>(state, context.clock(), this);
    context.processingTimers().register(timers);
    this.processContext = new ProcessContext<>(output, context, timers);
    BroadcastStates states = new BroadcastStates(context.name(), context.operatorState(), broadcastStates);
    this.readOnlyContext = new BroadcastReadOnlyContext<>(processContext, states);
    this.broadcastContext = new BroadcastContext<>(processContext, states, state);
  }

  @Override
  public void processElement1(A record) throws Exception {
    K key = keySelector.getKey(record);
    state.setCurrentKey(key);
    processContext.setCurrentKey(key);
    function.processElement(record, readOnlyContext, output);
  }

  @Override
  public void processElement2(B record) throws Exception {
    state.clearCurrentKey();
    function.processBroadcastElement(record, broadcastContext, output);
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
      function.onTimer(time, readOnlyContext, output);
    } finally {
      processContext.endTimer(saved);
    }
  }

  @Override
  public Output<?> output() {
    return output;
  }
}
