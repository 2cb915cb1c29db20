package weir.runtime.window;

import java.lang.invoke.MethodHandles;
import java.util.Map;
import javax.annotation.Nullable;
import weir.api.datastream.OutputTag;
import weir.api.functions.KeySelector;
import weir.api.graph.OperatorSpec;
import weir.api.graph.window.InternalWindowFunction;
import weir.api.metrics.Counter;
import weir.api.state.KeyedStateStore;
import weir.api.state.ValueState;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.TypeSerializer;
import weir.api.windowing.assigners.SlidingEventTimeWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.triggers.EventTimeTrigger;
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
 * Event-time tumbling and sliding windows with a reduce or aggregate, evaluated from shared
 * slices instead of a copy per window.
 *
 * <h3>Why</h3>
 * A sliding window of size {@code n × slide} holds each record {@code n} times when every window
 * keeps its own contents (Flink's way): {@code n} state updates and timer registrations per
 * record. Here time is cut into slices of {@code gcd(size, slide)}; a record updates the
 * accumulator of its one slice, and a window's result is the merge of the accumulators of its
 * slices when the watermark passes its end. Tumbling windows are the case of one slice per
 * window.
 *
 * <h3>State and timers</h3>
 * A key's slice accumulators live side by side in one {@link SliceRing}, one keyed-state entry
 * per key. A key has one pending timer, at the end of the first open window that holds one of
 * its slices: a record that opens a slice only moves it earlier if needed; when it fires, the
 * window drops the slices that no later window needs and sets the timer of the next window
 * holding a slice. Windows without records emit nothing, as in Flink.
 *
 * <h3>Semantics</h3>
 * The same as the general window operator with the default event-time trigger, no evictor and no
 * allowed lateness: results carry the window's last millisecond as timestamp; a record whose
 * every window is complete is late (side output or dropped). A reduce combines slices in time
 * order, so across slices it must be associative and commutative, as reduce functions used
 * for pre-aggregation are (sum, min, max, count).
 *
 * <p>Owned by the subtask's thread.
 */
public final class SlicingWindowOperator<K, IN, A, R, OUT>
    implements OneInputOperator<IN>, InternalTimerService.Triggerable<VoidNamespace>,
    InternalWindowFunction.InternalWindowContext {
  /** The keyed state holding each key's {@link SliceRing}. */
  public static final String SLICES_STATE = "weir.window-slices";

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
  private final SliceAggregator<IN, A, R> aggregator;
  private final InternalWindowFunction<R, OUT, K, TimeWindow> windowFunction;
  private final ValueState<SliceRing<A>> rings;
  // the accumulators' serializer, or null to keep them as objects (type unknown or not serializable)
  @Nullable private final TypeSerializer<A> accumulatorSerializer;
  private final DataInputDeserializer in = new DataInputDeserializer();
  private final DataOutputSerializer out = new DataOutputSerializer(64);
  private final NamespacedStateStore<TimeWindow> windowState;
  private final NamespacedStateStore<VoidNamespace> globalState;
  private final OutputTag<IN> lateDataTag;
  private final Counter lateRecordsDropped;
  private final long size;
  private final long slide;
  private final long sliceLength;
  private final long offset;

  /** Whether {@code spec} can be evaluated from slices; otherwise the general operator runs it. */
  public static boolean supports(OperatorSpec.Window spec) {
    boolean timeWindows = spec.assigner() instanceof SlidingEventTimeWindows
        || spec.assigner() instanceof TumblingEventTimeWindows;
    boolean incremental = !(spec.contents() instanceof weir.api.graph.window.WindowContents.Elements);
    return timeWindows && incremental && spec.trigger() instanceof EventTimeTrigger && spec.evictor() == null
        && spec.allowedLatenessMillis() == 0;
  }

  /**
   * A specialized instance (see {@link Specialization}), sharing its class with the other
   * subtasks of the vertex through {@code copies}.
   */
  public static <IN, OUT> OneInputOperator<IN> create(Map<String, Class<?>> copies, String place,
      OperatorSpec.Window spec, KeySelector<IN, ?> keySelector, OperatorContext context, Output<OUT> output) {
    return Specialization.instantiate(MethodHandles.lookup(), copies, place, SlicingWindowOperator.class, spec,
        keySelector, context, output);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public SlicingWindowOperator(OperatorSpec.Window spec, KeySelector<IN, K> keySelector, OperatorContext context,
      Output<OUT> output) {
    if (!supports(spec)) {
      throw new IllegalArgumentException("Bug in window operator selection: slices cannot evaluate " + spec);
    }
    this.context = context;
    this.spec = spec;
    this.keySelector = keySelector;
    this.backend = context.requireKeyedState();
    this.output = output;
    this.timestamp = context.timestamp();
    this.timers = new InternalTimerService<>(backend, context.clock(), this);
    context.processingTimers().register(timers);
    this.aggregator = (SliceAggregator) SliceAggregator.of(spec.contents());
    this.windowFunction = (InternalWindowFunction<R, OUT, K, TimeWindow>) spec.windowFunction();
    this.accumulatorSerializer = SliceAggregator.accumulatorSerializer(spec, backend.serializerConfig());
    // one ring per key, kept as an object changed in place: its accumulators are bytes inside it
    this.rings = backend.getInPlaceState(SLICES_STATE,
        SliceRing.Codec.factory(accumulatorSerializer != null, SLOT_WIDTH, backend.serializerConfig()));
    this.windowState = new NamespacedStateStore<>(backend, new TimeWindow(0, 0));
    this.globalState = new NamespacedStateStore<>(backend, VoidNamespace.INSTANCE);
    this.lateDataTag = (OutputTag<IN>) spec.lateDataTag();
    this.lateRecordsDropped = context.runtimeContext().getCounter("numLateRecordsDropped");
    if (spec.assigner() instanceof SlidingEventTimeWindows s) {
      this.size = s.getSize().toMillis();
      this.slide = s.getSlide().toMillis();
      this.offset = s.getOffset().toMillis();
    } else {
      TumblingEventTimeWindows t = (TumblingEventTimeWindows) spec.assigner();
      this.size = t.getSize().toMillis();
      this.slide = size;
      this.offset = t.getOffset().toMillis();
    }
    this.sliceLength = gcd(size, slide);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  @Override
  public String name() {
    return context.name();
  }

  @Override
  public void open() throws Exception {
    weir.api.graph.FunctionLifecycle.open(spec, context.runtimeContext());
  }

  @Override
  public void close() throws Exception {
    weir.api.graph.FunctionLifecycle.close(spec);
  }

  @Override
  public void processElement(IN record) throws Exception {
    long ts = timestamp.get();
    if (ts == RecordTimestamp.NONE) {
      throw new IllegalStateException("Record " + record + " reached event-time window operator '" + name()
          + "' without a timestamp; give the source a WatermarkStrategy with a timestamp assigner, or call "
          + "assignTimestampsAndWatermarks(...) before the window");
    }
    K key = keySelector.getKey(record);
    backend.setCurrentKey(key);
    long watermark = timers.currentWatermark();
    long lastWindowEnd = TimeWindow.getWindowStartWithOffset(ts, offset, slide) + size;
    if (lastWindowEnd - 1 <= watermark) {
      onLate(record);
      return;
    }
    long sliceId = Math.floorDiv(ts - offset, sliceLength);
    long sliceEnd = offset + (sliceId + 1) * sliceLength;
    SliceRing<A> ring = rings.value();
    if (ring == null) {
      ring = new SliceRing<>(accumulatorSerializer != null, SLOT_WIDTH);
      rings.update(ring);
    }
    A acc = ring.get(sliceId, accumulatorSerializer, in);
    ring.put(sliceId, aggregator.add(record, acc), accumulatorSerializer, out);
    if (acc == null) {
      // a new slice: the key's timer must fire no later than the first open window holding it
      long due = firstOpenWindowEnd(sliceEnd, watermark) - 1;
      if (ring.timer == SliceRing.NO_TIMER || due < ring.timer) {
        if (ring.timer != SliceRing.NO_TIMER) {
          timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, ring.timer);
        }
        setTimer(ring, due);
      }
    }
  }

  /** The end of the first window that holds the slice ending at {@code sliceEnd} and is still open. */
  private long firstOpenWindowEnd(long sliceEnd, long watermark) {
    long end = sliceEnd + Math.floorMod(offset + size - sliceEnd, slide);
    if (end - 1 <= watermark) {
      end += (Math.floorDiv(watermark + 1 - end, slide) + 1) * slide;
    }
    return end;
  }

  private void setTimer(SliceRing<A> ring, long time) {
    ring.timer = time;
    timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
  }

  private void onLate(IN record) {
    if (lateDataTag != null) {
      output.collect(lateDataTag, record);
    } else {
      lateRecordsDropped.inc();
    }
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    timers.advanceWatermark(watermark);
    output.emitWatermark(watermark);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void onEventTime(long time, Object key, VoidNamespace namespace) throws Exception {
    long end = time + 1;
    long start = end - size;
    SliceRing<A> ring = rings.value();
    if (ring == null) {
      return;
    }
    ring.timer = SliceRing.NO_TIMER;
    // slices before this id are needed by no later window
    long firstKept = Math.floorDiv(start + slide - offset, sliceLength);
    long firstId = Math.floorDiv(start - offset, sliceLength);
    long endId = Math.floorDiv(end - offset, sliceLength);
    A acc = null;
    for (long id = firstId; id < endId; id++) {
      A slice = ring.get(id, accumulatorSerializer, in);
      if (slice == null) {
        continue;
      }
      if (acc == null) {
        // slices kept as objects are the ring's own: never hand one to merge as its first argument
        acc = accumulatorSerializer == null ? aggregator.copyOf(slice) : slice;
      } else {
        acc = aggregator.merge(acc, slice);
      }
      if (id < firstKept) {
        ring.remove(id);
      }
    }
    if (acc != null) {
      emit((K) key, new TimeWindow(start, end), aggregator.result(acc));
    }
    if (ring.isEmpty()) {
      rings.clear();
    } else {
      // chain to the next window that holds one of the key's slices
      long nextSliceEnd = offset + (ring.minId() + 1) * sliceLength;
      setTimer(ring, Math.max(end + slide, firstOpenWindowEnd(nextSliceEnd, time)) - 1);
    }
  }

  private void emit(K key, TimeWindow window, R result) throws Exception {
    long saved = timestamp.get();
    timestamp.set(window.maxTimestamp());
    windowState.setNamespace(window);
    try {
      windowFunction.process(key, window, this, result, output);
      windowFunction.clear(window, this);
    } finally {
      timestamp.set(saved);
    }
  }

  @Override
  public void onProcessingTime(long time, Object key, VoidNamespace namespace) {
    throw new IllegalStateException("Bug in window operator '" + name() + "': event-time slices set a processing-time timer");
  }

  @Override
  public long currentProcessingTime() {
    return context.clock().currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return timers.currentWatermark();
  }

  @Override
  public KeyedStateStore windowState() {
    return windowState;
  }

  @Override
  public KeyedStateStore globalState() {
    return globalState;
  }

  @Override
  public <X> void output(OutputTag<X> tag, X value) {
    output.collect(tag, value);
  }

  @Override
  public Output<?> output() {
    return output;
  }
}
