package weir.runtime.window;

import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;
import javax.annotation.Nullable;
import weir.api.datastream.OutputTag;
import weir.api.functions.KeySelector;
import weir.api.graph.FunctionLifecycle;
import weir.api.graph.OperatorSpec;
import weir.api.graph.window.InternalWindowFunction;
import weir.api.metrics.Counter;
import weir.api.windowing.assigners.MergingWindowAssigner;
import weir.api.windowing.assigners.WindowAssigner;
import weir.api.windowing.triggers.Trigger;
import weir.api.windowing.triggers.TriggerResult;
import weir.api.windowing.windows.Window;
import weir.runtime.operators.OneInputOperator;
import weir.runtime.operators.OperatorContext;
import weir.runtime.operators.Output;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.VoidNamespace;
import weir.runtime.time.InternalTimerService;
import weir.runtime.time.RecordTimestamp;

/**
 * The window operator, with Flink's {@code WindowOperator} semantics for every assigner, trigger
 * and evictor. Per record: the assigner gives the record's windows (a merging assigner's are
 * merged with the key's windows in flight, see {@link MergingWindowSet}); each window that is not
 * late gets the record added to its contents and asks its trigger what to do. Firing hands the
 * contents to the window function, whose output carries the window's {@code maxTimestamp()};
 * purging deletes the contents. Each window gets a cleanup timer at its cleanup time (event time:
 * {@code maxTimestamp() + allowedLateness}; processing time: {@code maxTimestamp()}), which deletes
 * its contents, trigger state, the window function's per-window state and its merging entry. A
 * record none of whose windows is still open, and that is itself behind the watermark by more than
 * the allowed lateness, goes to the late-data side output if there is one, and is counted in
 * {@link #LATE_RECORDS_DROPPED} otherwise.
 *
 * <p>All state lives in the keyed state backend, with the window as namespace: contents under
 * {@link #CONTENTS_STATE}, the windows in flight of a merging assigner under
 * {@link #MERGING_WINDOWS_STATE}, trigger and per-window function state under their own names.
 * Timers are the operator's keyed timers, with the window as namespace.
 *
 * <p>Owned by the subtask's thread.
 *
 * @param <K> the type of the key
 * @param <T> the type of the records
 * @param <OUT> the type of the results
 * @param <W> the type of the windows
 */
public final class WindowOperator<K, T, OUT, W extends Window>
    implements OneInputOperator<T>, InternalTimerService.Triggerable<W>, MergingWindowSet.MergeFunction<W> {
  /** The keyed state holding window contents; named so that no user state is likely to share it. */
  public static final String CONTENTS_STATE = "weir.window-contents";

  /** The keyed state holding the windows in flight of a merging assigner, mapped to their state windows. */
  public static final String MERGING_WINDOWS_STATE = "weir.window-merging-set";

  /** The counter of late records dropped for want of a late-data side output. */
  public static final String LATE_RECORDS_DROPPED = "numLateRecordsDropped";

  private final OperatorSpec.Window spec;
  private final WindowAssigner<T, W> assigner;
  private final boolean eventTime;
  private final long allowedLateness;
  @Nullable private final OutputTag<T> lateDataTag;
  private final InternalWindowFunction<?, OUT, K, W> windowFunction;
  private final KeySelector<T, K> keySelector;
  private final OperatorContext context;
  private final HeapKeyedStateBackend state;
  private final Output<OUT> output;
  private final RecordTimestamp timestamp;
  private final InternalTimerService<W> timers;
  private final WindowContentsStore<K, T, OUT, W> contents;
  @Nullable private final MergingWindowSet<W> mergingWindows;
  private final WindowTriggerContext<T, W> triggerContext;
  private final WindowFunctionContext<W> functionContext;
  private final WindowAssigner.WindowAssignerContext assignerContext;
  private final Counter lateRecordsDropped;
  /** The key of the record or timer being handled; the window function gets it. */
  private K currentKey;

  /** Use {@link WindowOperators#create}, which picks the operator for a spec. */
  @SuppressWarnings("unchecked")
  public WindowOperator(OperatorSpec.Window spec, KeySelector<T, K> keySelector, OperatorContext context,
      Output<OUT> output) {
    this.spec = spec;
    this.assigner = (WindowAssigner<T, W>) spec.assigner();
    this.eventTime = assigner.isEventTime();
    this.allowedLateness = spec.allowedLatenessMillis();
    this.lateDataTag = (OutputTag<T>) spec.lateDataTag();
    this.windowFunction = (InternalWindowFunction<?, OUT, K, W>) spec.windowFunction();
    this.keySelector = keySelector;
    this.context = context;
    this.state = context.requireKeyedState();
    this.output = output;
    this.timestamp = context.timestamp();
    this.timers = new InternalTimerService<>(state, context.clock(), this);
    context.processingTimers().register(timers);
    this.triggerContext = new WindowTriggerContext<>((Trigger<T, W>) spec.trigger(), timers,
        new WindowStateStore(state, VoidNamespace.INSTANCE, null));
    this.contents = WindowContentsStore.of(spec, state, triggerContext);
    this.mergingWindows = assigner instanceof MergingWindowAssigner<?, ?>
        ? MergingWindowSet.of((MergingWindowAssigner<?, W>) assigner, state) : null;
    this.functionContext = WindowFunctionContext.of(assigner, state, timers, output);
    this.assignerContext = context.clock()::currentProcessingTime;
    this.lateRecordsDropped = context.runtimeContext().getCounter(LATE_RECORDS_DROPPED);
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
  public void processElement(T record) throws Exception {
    K key = keySelector.getKey(record);
    state.setCurrentKey(key);
    currentKey = key;
    long time = timestamp.get();
    Collection<W> windows = assigner.assignWindows(record, time, assignerContext);
    boolean skipped = true;
    if (windows instanceof List<W> list && windows instanceof RandomAccess) {
      // assigners return small lists: an indexed loop needs no iterator
      for (int i = 0, n = list.size(); i < n; i++) {
        skipped &= !addToWindow(record, time, list.get(i));
      }
    } else {
      for (W window : windows) {
        skipped &= !addToWindow(record, time, window);
      }
    }
    if (skipped && isElementLate(time)) {
      if (lateDataTag != null) {
        output.collect(lateDataTag, record);
      } else {
        lateRecordsDropped.inc();
      }
    }
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    timers.advanceWatermark(watermark);
    output.emitWatermark(watermark);
  }

  /**
   * Adds the record to {@code window} (merging it first for a merging assigner), asks the trigger
   * and acts on its answer.
   *
   * @return false if the window was late, so the record was not added
   */
  private boolean addToWindow(T record, long time, W window) throws Exception {
    W actualWindow = window;
    W stateWindow = window;
    if (mergingWindows != null) {
      actualWindow = mergingWindows.addWindow(window, this);
      if (isWindowLate(actualWindow)) {
        mergingWindows.retireWindow(actualWindow);
        return false;
      }
      stateWindow = mergingWindows.stateWindow(actualWindow);
      if (stateWindow == null) {
        throw new IllegalStateException("Window " + window + " is not in the in-flight window set.");
      }
    } else if (isWindowLate(window)) {
      return false;
    }
    contents.setWindow(stateWindow);
    contents.add(record, time);
    triggerContext.setWindow(actualWindow);
    TriggerResult result = triggerContext.onElement(record, time);
    if (result.isFire() && !emit(actualWindow)) {
      return true; // nothing to evaluate: as Flink, neither purge nor set the cleanup timer
    }
    if (result.isPurge()) {
      contents.clear();
    }
    registerCleanupTimer(actualWindow);
    return true;
  }

  /** Windows merged while adding a window: merges trigger state, timers and contents as Flink does. */
  @Override
  public void merge(W mergeResult, Collection<W> mergedWindows, W stateWindowResult, Collection<W> mergedStateWindows)
      throws Exception {
    if (eventTime && mergeResult.maxTimestamp() + allowedLateness <= timers.currentWatermark()) {
      throw new UnsupportedOperationException("The end timestamp of an event-time window cannot become earlier than"
          + " the current watermark by merging. Current watermark: " + timers.currentWatermark() + " window: "
          + mergeResult);
    } else if (!eventTime && mergeResult.maxTimestamp() <= timers.currentProcessingTime()) {
      throw mergedIntoThePast(timers.currentProcessingTime(), mergeResult);
    }
    triggerContext.setWindow(mergeResult);
    triggerContext.onMerge(mergedWindows);
    for (W merged : mergedWindows) {
      triggerContext.setWindow(merged);
      triggerContext.clear();
      deleteCleanupTimer(merged);
    }
    contents.merge(stateWindowResult, mergedStateWindows);
  }

  /** The failure of a processing-time window that merging would end at or before {@code now}, as in Flink. */
  static UnsupportedOperationException mergedIntoThePast(long now, Window mergeResult) {
    return new UnsupportedOperationException("The end timestamp of a processing-time window cannot become earlier"
        + " than the current processing time by merging. Current processing time: " + now + " window: " + mergeResult);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void onEventTime(long time, Object key, W window) throws Exception {
    onTimer(time, (K) key, window, true);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void onProcessingTime(long time, Object key, W window) throws Exception {
    onTimer(time, (K) key, window, false);
  }

  /** A timer of {@code window} fired: ask the trigger, act on its answer, and clean up at the cleanup time. */
  private void onTimer(long time, K key, W window, boolean eventTimeTimer) throws Exception {
    currentKey = key;
    W stateWindow = window;
    if (mergingWindows != null) {
      stateWindow = mergingWindows.stateWindow(window);
      if (stateWindow == null) {
        // a timer of a window merged away or discarded, which its trigger did not delete: nothing is left to do
        return;
      }
    }
    contents.setWindow(stateWindow);
    triggerContext.setWindow(window);
    TriggerResult result = eventTimeTimer ? triggerContext.onEventTime(time) : triggerContext.onProcessingTime(time);
    if (result.isFire()) {
      emit(window);
    }
    if (result.isPurge()) {
      contents.clear();
    }
    if (eventTimeTimer == eventTime && time == cleanupTime(window)) {
      clearAllState(window);
    }
  }

  /** Evaluates the contents set on {@link #contents} as {@code window}; its results carry its max timestamp. */
  private boolean emit(W window) throws Exception {
    long saved = timestamp.get();
    timestamp.set(window.maxTimestamp());
    functionContext.setWindow(window);
    try {
      return contents.emit(currentKey, window, functionContext, output);
    } finally {
      timestamp.set(saved);
    }
  }

  /** Discards {@code window}: contents, trigger state, the function's window state, its merging entry. */
  @SuppressWarnings("unchecked")
  private void clearAllState(W window) throws Exception {
    contents.clear();
    triggerContext.setWindow(window);
    triggerContext.clear();
    functionContext.setWindow(window);
    ((InternalWindowFunction<Object, OUT, K, W>) windowFunction).clear(window, functionContext);
    if (mergingWindows != null) {
      mergingWindows.retireWindow(window);
    }
  }

  /** Whether {@code window} is complete and past its lateness: records are no longer added to it. */
  private boolean isWindowLate(W window) {
    return eventTime && cleanupTime(window) <= timers.currentWatermark();
  }

  /** Whether a record of time {@code time} is behind the watermark by more than the allowed lateness. */
  private boolean isElementLate(long time) {
    return eventTime && time + allowedLateness <= timers.currentWatermark();
  }

  /** When {@code window}'s state is discarded; {@code Long.MAX_VALUE} (never) if the sum overflows. */
  private long cleanupTime(W window) {
    if (!eventTime) {
      return window.maxTimestamp();
    }
    long cleanupTime = window.maxTimestamp() + allowedLateness;
    return cleanupTime >= window.maxTimestamp() ? cleanupTime : Long.MAX_VALUE;
  }

  private void registerCleanupTimer(W window) {
    long cleanupTime = cleanupTime(window);
    if (cleanupTime == Long.MAX_VALUE) {
      return; // the end of time never comes: a global window is kept for good
    }
    if (eventTime) {
      timers.registerEventTimeTimer(window, cleanupTime);
    } else {
      timers.registerProcessingTimeTimer(window, cleanupTime);
    }
  }

  private void deleteCleanupTimer(W window) {
    long cleanupTime = cleanupTime(window);
    if (cleanupTime == Long.MAX_VALUE) {
      return;
    }
    if (eventTime) {
      timers.deleteEventTimeTimer(window, cleanupTime);
    } else {
      timers.deleteProcessingTimeTimer(window, cleanupTime);
    }
  }
}
