package weir.runtime.window;

import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import weir.api.datastream.OutputTag;
import weir.api.functions.KeySelector;
import weir.api.graph.FunctionLifecycle;
import weir.api.graph.OperatorSpec;
import weir.api.graph.window.InternalWindowFunction;
import weir.api.graph.window.WindowContents;
import weir.api.metrics.Counter;
import weir.api.state.ValueState;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeSerializer;
import weir.api.windowing.assigners.DynamicEventTimeSessionWindows;
import weir.api.windowing.assigners.DynamicProcessingTimeSessionWindows;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.ProcessingTimeSessionWindows;
import weir.api.windowing.assigners.WindowAssigner;
import weir.api.windowing.triggers.EventTimeTrigger;
import weir.api.windowing.triggers.ProcessingTimeTrigger;
import weir.api.windowing.windows.TimeWindow;
import weir.runtime.operators.OneInputOperator;
import weir.runtime.operators.OperatorContext;
import weir.runtime.operators.Output;
import weir.runtime.operators.Specialization;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.VoidNamespace;
import weir.runtime.time.InternalTimerService;
import weir.runtime.time.RecordTimestamp;

/**
 * Session windows (event or processing time, fixed or per-record gap) with a reduce or aggregate,
 * the assigner's default trigger and no evictor: a key's open sessions and their accumulators
 * kept side by side, with one timer per key.
 *
 * <h3>Why</h3>
 * The general operator keeps a key's sessions as window objects in a merging window set and each
 * session's contents under the window as namespace: per record a window object, a second state
 * lookup, and the session's end timer deleted and set again as the session grows. Here a key's
 * sessions are one {@link KeySessions} entry in keyed state (bounds and accumulators in primitive
 * arrays, updated in place), found with one lookup; a record that extends a session changes two
 * numbers and an accumulator slot.
 *
 * <h3>Timers</h3>
 * A key has one pending timer, never later than what any of its sessions is due for next: the
 * end of a session that has not fired, or the cleanup time of one that has (with allowed
 * lateness). A record only moves it when it makes something due earlier; when a session grows,
 * the timer stays where it was, and when it fires with nothing due it is set again at the next
 * due time. A growing session therefore costs one timer more, not a delete and a register per
 * record.
 *
 * <h3>Semantics</h3>
 * Those of the general window operator with the default trigger, which follows Flink: a record's
 * window {@code [t, t + gap)} merges with every session it meets or overlaps; a session fires
 * when the watermark (processing time) passes its end, with its last millisecond as timestamp;
 * with allowed lateness it is kept until its end plus the lateness, a record that still joins it
 * fires it again at once (or at its new end, if the record extended it past the watermark), and
 * a record whose window is past that is late (side output, or counted in {@link
 * WindowOperator#LATE_RECORDS_DROPPED}). Accumulators of merging sessions are merged in the
 * order of the sessions. A process window function gets no per-window state, as with every
 * merging assigner.
 *
 * <p>Owned by the subtask's thread.
 */
public final class SessionWindowOperator<K, IN, A, R, OUT>
    implements OneInputOperator<IN>, InternalTimerService.Triggerable<VoidNamespace>,
    WindowAssigner.WindowAssignerContext {
  /** The keyed state holding each key's sessions and their accumulators. */
  public static final String SESSIONS_STATE = "weir.window-sessions";
  /** Bytes per accumulator slot to start with; slots widen when an accumulator needs more. */
  private static final int SLOT_WIDTH = 16;

  private final OperatorContext context;
  // the spec is the rich function holding every user function of the window: opening it opens all
  private final OperatorSpec.Window spec;
  private final KeySelector<IN, K> keySelector;
  private final HeapKeyedStateBackend backend;
  private final Output<OUT> output;
  private final RecordTimestamp timestamp;
  private final InternalTimerService<VoidNamespace> timers;
  private final WindowAssigner<IN, TimeWindow> assigner;
  private final boolean eventTime;
  private final long allowedLateness;
  private final SliceAggregator<IN, A, R> aggregator;
  private final InternalWindowFunction<R, OUT, K, TimeWindow> windowFunction;
  private final WindowFunctionContext<TimeWindow> functionContext;
  private final ValueState<KeySessions<A>> sessions;
  // the accumulators' serializer, or null to keep them as objects (type unknown or not serializable)
  @Nullable private final TypeSerializer<A> accumulatorSerializer;
  private final DataInputDeserializer in = new DataInputDeserializer();
  private final DataOutputSerializer out = new DataOutputSerializer(64);
  @Nullable private final OutputTag<IN> lateDataTag;
  private final Counter lateRecordsDropped;

  /** Whether this operator can run {@code spec}; otherwise the general operator runs it. */
  public static boolean supports(OperatorSpec.Window spec) {
    WindowAssigner<?, ?> assigner = spec.assigner();
    boolean eventTimeSessions = (assigner instanceof EventTimeSessionWindows
        || assigner instanceof DynamicEventTimeSessionWindows<?>) && spec.trigger() instanceof EventTimeTrigger;
    boolean processingTimeSessions = (assigner instanceof ProcessingTimeSessionWindows
        || assigner instanceof DynamicProcessingTimeSessionWindows<?>) && spec.trigger() instanceof ProcessingTimeTrigger;
    boolean incremental = !(spec.contents() instanceof WindowContents.Elements);
    return (eventTimeSessions || processingTimeSessions) && incremental && spec.evictor() == null;
  }

  /**
   * A specialized instance (see {@link Specialization}), sharing its class with the other
   * subtasks of the vertex through {@code copies}.
   */
  public static <IN, OUT> OneInputOperator<IN> create(Map<String, Class<?>> copies, String place,
      OperatorSpec.Window spec, KeySelector<IN, ?> keySelector, OperatorContext context, Output<OUT> output) {
    return Specialization.instantiate(MethodHandles.lookup(), copies, place, SessionWindowOperator.class, spec,
        keySelector, context, output);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public SessionWindowOperator(OperatorSpec.Window spec, KeySelector<IN, K> keySelector, OperatorContext context,
      Output<OUT> output) {
    if (!supports(spec)) {
      throw new IllegalArgumentException("Bug in window operator selection: the session operator cannot run " + spec);
    }
    this.context = context;
    this.spec = spec;
    this.keySelector = keySelector;
    this.backend = context.requireKeyedState();
    this.output = output;
    this.timestamp = context.timestamp();
    this.timers = new InternalTimerService<>(backend, context.clock(), this);
    context.processingTimers().register(timers);
    this.assigner = (WindowAssigner<IN, TimeWindow>) spec.assigner();
    this.eventTime = assigner.isEventTime();
    this.allowedLateness = spec.allowedLatenessMillis();
    this.aggregator = (SliceAggregator) SliceAggregator.of(spec.contents());
    this.windowFunction = (InternalWindowFunction<R, OUT, K, TimeWindow>) spec.windowFunction();
    this.functionContext = WindowFunctionContext.of(assigner, backend, timers, output);
    SerializerConfig config = backend.serializerConfig();
    this.accumulatorSerializer = SliceAggregator.accumulatorSerializer(spec, config);
    // one entry per key, kept as an object changed in place: its accumulators are bytes inside it
    this.sessions = backend.getInPlaceState(SESSIONS_STATE,
        KeySessions.Codec.factory(accumulatorSerializer != null, SLOT_WIDTH, config));
    this.lateDataTag = (OutputTag<IN>) spec.lateDataTag();
    this.lateRecordsDropped = context.runtimeContext().getCounter(WindowOperator.LATE_RECORDS_DROPPED);
  }

  @Override
  public String name() {
    return context.name();
  }

  @Override
  public Output<?> output() {
    return output;
  }

  @Override
  public void open() throws Exception {
    FunctionLifecycle.open(spec, context.runtimeContext());
  }

  @Override
  public void close() throws Exception {
    FunctionLifecycle.close(spec);
  }

  @Override
  public long getCurrentProcessingTime() {
    return context.clock().currentProcessingTime();
  }

  @Override
  public void processElement(IN record) throws Exception {
    K key = keySelector.getKey(record);
    backend.setCurrentKey(key);
    long time = timestamp.get();
    // the session assigners give exactly one window, in a list
    TimeWindow window = ((List<TimeWindow>) assigner.assignWindows(record, time, this)).get(0);
    long watermark = timers.currentWatermark();
    KeySessions<A> sessions = this.sessions.value();
    // the sessions the window meets or overlaps: [first, last)
    int first = 0;
    int last = 0;
    if (sessions != null) {
      first = sessions.firstEndingFrom(window.getStart());
      last = first;
      while (last < sessions.size() && sessions.start(last) <= window.getEnd()) {
        last++;
      }
    }
    A acc;
    if (first == last) {
      if (eventTime && cleanupTime(window.maxTimestamp()) <= watermark) {
        onLate(record, time, watermark);
        return;
      }
      if (sessions == null) {
        sessions = new KeySessions<>(accumulatorSerializer != null, SLOT_WIDTH);
        this.sessions.update(sessions);
      }
      sessions.insert(first, window.getStart(), window.getEnd());
      acc = null;
    } else if (last == first + 1 && sessions.start(first) <= window.getStart()
        && window.getEnd() <= sessions.end(first)) {
      acc = sessions.accumulatorAt(first, accumulatorSerializer, in);
    } else {
      long start = Math.min(window.getStart(), sessions.start(first));
      long end = Math.max(window.getEnd(), sessions.end(last - 1));
      if (!eventTime && end - 1 <= getCurrentProcessingTime()) {
        throw WindowOperator.mergedIntoThePast(getCurrentProcessingTime(), new TimeWindow(start, end));
      }
      acc = sessions.accumulatorAt(first, accumulatorSerializer, in);
      for (int i = first + 1; i < last; i++) {
        acc = aggregator.merge(acc, sessions.accumulatorAt(i, accumulatorSerializer, in));
      }
      sessions.merge(first, last, start, end);
    }
    acc = aggregator.add(record, acc);
    sessions.setAccumulatorAt(first, acc, accumulatorSerializer, out);
    long maxTimestamp = sessions.end(first) - 1;
    long due = maxTimestamp;
    if (eventTime && maxTimestamp <= watermark) {
      // the watermark has passed the session's end already: the trigger fires at once
      emit(key, sessions.start(first), sessions.end(first), acc);
      due = cleanupTime(maxTimestamp);
    }
    if (due != Long.MAX_VALUE && (sessions.timer == KeySessions.NO_TIMER || due < sessions.timer)) {
      if (sessions.timer != KeySessions.NO_TIMER) {
        deleteTimer(sessions.timer);
      }
      setTimer(sessions, due);
    }
  }

  /** A record none of whose windows is open any more: late if it is behind the watermark by more than the lateness. */
  private void onLate(IN record, long time, long watermark) {
    if (time + allowedLateness > watermark) {
      return;
    }
    if (lateDataTag != null) {
      output.collect(lateDataTag, record);
    } else {
      lateRecordsDropped.inc();
    }
  }

  /** When a session whose last millisecond is {@code maxTimestamp} is discarded; {@code Long.MAX_VALUE}: never. */
  private long cleanupTime(long maxTimestamp) {
    if (!eventTime) {
      return maxTimestamp;
    }
    long cleanupTime = maxTimestamp + allowedLateness;
    return cleanupTime >= maxTimestamp ? cleanupTime : Long.MAX_VALUE;
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    timers.advanceWatermark(watermark);
    output.emitWatermark(watermark);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void onEventTime(long time, Object key, VoidNamespace namespace) throws Exception {
    if (!eventTime) {
      throw new IllegalStateException("Bug in window operator '" + name() + "': processing-time sessions set an event-time timer");
    }
    onTimer(time, (K) key);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void onProcessingTime(long time, Object key, VoidNamespace namespace) throws Exception {
    if (eventTime) {
      throw new IllegalStateException("Bug in window operator '" + name() + "': event-time sessions set a processing-time timer");
    }
    onTimer(time, (K) key);
  }

  /**
   * The key's timer fired at {@code time}: fires the session that ends there, discards those whose
   * cleanup time it is, and sets the timer at what is due next. Nothing due earlier is left: the
   * timer is never later than that.
   */
  private void onTimer(long time, K key) throws Exception {
    KeySessions<A> sessions = this.sessions.value();
    if (sessions == null) {
      throw new IllegalStateException("Bug in window operator '" + name() + "': a timer of key " + key
          + " fired at " + time + ", but the key has no sessions");
    }
    sessions.timer = KeySessions.NO_TIMER;
    long next = Long.MAX_VALUE;
    int i = 0;
    while (i < sessions.size()) {
      long start = sessions.start(i);
      long end = sessions.end(i);
      if (end - 1 == time) {
        emit(key, start, end, sessions.accumulatorAt(i, accumulatorSerializer, in));
      }
      long cleanupTime = cleanupTime(end - 1);
      if (cleanupTime <= time) {
        TimeWindow window = new TimeWindow(start, end);
        functionContext.setWindow(window);
        windowFunction.clear(window, functionContext);
        sessions.remove(i);
      } else {
        next = Math.min(next, end - 1 > time ? end - 1 : cleanupTime);
        i++;
      }
    }
    if (sessions.isEmpty()) {
      this.sessions.clear();
    } else if (next != Long.MAX_VALUE) {
      setTimer(sessions, next);
    }
  }

  /** Evaluates the session {@code [start, end)} of {@code key}; its results carry its last millisecond. */
  private void emit(K key, long start, long end, A acc) throws Exception {
    TimeWindow window = new TimeWindow(start, end);
    long saved = timestamp.get();
    timestamp.set(window.maxTimestamp());
    functionContext.setWindow(window);
    try {
      windowFunction.process(key, window, functionContext, aggregator.result(acc), output);
    } finally {
      timestamp.set(saved);
    }
  }

  private void setTimer(KeySessions<A> sessions, long time) {
    sessions.timer = time;
    if (eventTime) {
      timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
    } else {
      timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }
  }

  private void deleteTimer(long time) {
    if (eventTime) {
      timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
    } else {
      timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }
  }
}
