package weir.runtime.operators;

import java.util.Arrays;
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
  // the records of the group read ahead and their keys, by slot, so that a key is computed once
  private final Object[] aheadRecords = new Object[PREFETCH_GROUP];
  private final Object[] aheadKeys = new Object[PREFETCH_GROUP];
  private int aheadNext;
  private int aheadCount;
  // what prefetch() read, kept so that its reads are not optimized away
  private int touched;

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
  public boolean readsAhead() {
    return true;
  }

  @Override
  public void prefetch(I record, int slot) throws Exception {
    if (slot == 0) {
      // a new group: forget what is left of the last one (its input stopped early)
      Arrays.fill(aheadRecords, aheadNext, aheadCount, null);
      Arrays.fill(aheadKeys, aheadNext, aheadCount, null);
      aheadNext = 0;
    }
    aheadRecords[slot] = record;
    aheadKeys[slot] = keySelector.getKey(record);
    aheadCount = slot + 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement(I record) throws Exception {
    K key;
    int i = aheadNext;
    if (i < aheadCount && aheadRecords[i] == record) {
      if (i == 0) {
        // the group's first record: read ahead for the whole group at once
        touched += state.touch(aheadKeys, aheadCount);
      }
      key = (K) aheadKeys[i];
      aheadRecords[i] = null;
      aheadKeys[i] = null;
      aheadNext = i + 1;
    } else {
      key = keySelector.getKey(record);
    }
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
