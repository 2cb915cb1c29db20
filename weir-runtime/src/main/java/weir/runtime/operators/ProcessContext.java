package weir.runtime.operators;

import javax.annotation.Nullable;
import weir.api.datastream.OutputTag;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.TimeDomain;
import weir.api.functions.TimerService;
import weir.runtime.state.VoidNamespace;
import weir.runtime.time.InternalTimerService;
import weir.runtime.time.RecordTimestamp;

/**
 * The context process functions see, and their timer service; one reusable instance per
 * operator, whose current key the operator sets before each call. Without a timer service (not
 * keyed) it still reads time but refuses to set timers.
 */
final class ProcessContext<K> implements KeyedProcessFunction.OnTimerContext<K>, TimerService {
  private final Output<?> output;
  private final OperatorContext context;
  private final RecordTimestamp timestamp;
  @Nullable private final InternalTimerService<VoidNamespace> timers;
  private K currentKey;
  private TimeDomain timeDomain = TimeDomain.EVENT_TIME;
  // the watermark of operators without timers, which track it here
  private long watermark = Long.MIN_VALUE;

  ProcessContext(Output<?> output, OperatorContext context, @Nullable InternalTimerService<VoidNamespace> timers) {
    this.output = output;
    this.context = context;
    this.timestamp = context.timestamp();
    this.timers = timers;
  }

  void setCurrentKey(K key) {
    this.currentKey = key;
  }

  /**
   * Prepares a timer's callback: makes {@code key} current and emits with the timer's time as
   * timestamp (event time) or none (processing time). Returns the timestamp of the record in
   * flight, for {@link #endTimer}.
   */
  long beginTimer(long time, K key, TimeDomain domain) {
    long saved = timestamp.get();
    timestamp.set(domain == TimeDomain.EVENT_TIME ? time : RecordTimestamp.NONE);
    this.currentKey = key;
    this.timeDomain = domain;
    return saved;
  }

  /** Restores the timestamp {@link #beginTimer} returned. */
  void endTimer(long saved) {
    timestamp.set(saved);
  }

  void setWatermark(long watermark) {
    this.watermark = watermark;
  }

  @Override
  public K getCurrentKey() {
    return currentKey;
  }

  @Override
  public TimeDomain timeDomain() {
    return timeDomain;
  }

  @Override
  public <X> void output(OutputTag<X> tag, X value) {
    if (tag == null) {
      throw new NullPointerException("ctx.output needs an OutputTag");
    }
    output.collect(tag, value);
  }

  @Override
  @Nullable
  public Long timestamp() {
    return timestamp.boxed();
  }

  @Override
  public TimerService timerService() {
    return this;
  }

  @Override
  public long currentProcessingTime() {
    return context.clock().currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return timers != null ? timers.currentWatermark() : watermark;
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    requireTimers().registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
  }

  @Override
  public void registerEventTimeTimer(long time) {
    requireTimers().registerEventTimeTimer(VoidNamespace.INSTANCE, time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    requireTimers().deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    requireTimers().deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
  }

  private InternalTimerService<VoidNamespace> requireTimers() {
    if (timers == null) {
      throw new UnsupportedOperationException(
          TimerService.UNSUPPORTED_REGISTER_TIMER_MSG + " (operator '" + context.name() + "')");
    }
    return timers;
  }
}
