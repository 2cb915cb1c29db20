package weir.api.graph;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;
import weir.api.annotation.Internal;
import weir.api.datastream.OutputTag;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.BroadcastProcessFunction;
import weir.api.functions.CoProcessFunction;
import weir.api.functions.FilterFunction;
import weir.api.functions.FlatMapFunction;
import weir.api.functions.Function;
import weir.api.functions.KeyedBroadcastProcessFunction;
import weir.api.functions.KeyedCoProcessFunction;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.MapFunction;
import weir.api.functions.ProcessFunction;
import weir.api.functions.ProcessJoinFunction;
import weir.api.functions.RichFunction;
import weir.api.functions.RuntimeContext;
import weir.api.graph.window.InternalWindowFunction;
import weir.api.graph.window.WindowContents;
import weir.api.state.MapStateDescriptor;
import weir.api.typeinfo.TypeInfo;
import weir.api.windowing.assigners.MergingWindowAssigner;
import weir.api.windowing.assigners.WindowAssigner;
import weir.api.windowing.evictors.Evictor;
import weir.api.windowing.triggers.Trigger;

/**
 * The operation of a one- or two-input transformation: which built-in operator the runtime
 * creates and the user function it drives. Richer operations (rolling reduce, aggregate,
 * field aggregations, co-map) are expressed as process functions in the API; windows have a spec
 * of their own.
 */
@Internal
public sealed interface OperatorSpec extends Serializable {
  /**
   * The user function, for lifecycle calls and the serializability check; {@code null} when the
   * operation has none.
   */
  Function function();

  record Map(MapFunction<?, ?> function) implements OperatorSpec {}

  record FlatMap(FlatMapFunction<?, ?> function) implements OperatorSpec {}

  record Filter(FilterFunction<?> function) implements OperatorSpec {}

  record Process(ProcessFunction<?, ?> function) implements OperatorSpec {}

  record KeyedProcess(KeyedProcessFunction<?, ?, ?> function) implements OperatorSpec {}

  record CoProcess(CoProcessFunction<?, ?, ?> function) implements OperatorSpec {}

  /**
   * Joins two keyed inputs on event time ({@code KeyedStream.intervalJoin}): a left record at
   * {@code t} meets the right records of its key in {@code [t + lowerBound, t + upperBound]},
   * bounds in milliseconds, each left out when not inclusive. A late data tag of {@code null}
   * drops that input's late records.
   */
  record IntervalJoin(ProcessJoinFunction<?, ?, ?> function, long lowerBound, long upperBound,
      boolean lowerBoundInclusive, boolean upperBoundInclusive,
      @Nullable OutputTag<?> leftLateDataTag, @Nullable OutputTag<?> rightLateDataTag) implements OperatorSpec {
    public IntervalJoin {
      if (lowerBound > upperBound) {
        throw new IllegalArgumentException(
            "The lower bound (" + lowerBound + " ms) of an interval join must not exceed its upper bound ("
                + upperBound + " ms)");
      }
    }

    /** The smallest offset from a left timestamp that a right timestamp may have. */
    public long inclusiveLowerBound() {
      return lowerBoundInclusive ? lowerBound : lowerBound + 1;
    }

    /** The largest offset from a left timestamp that a right timestamp may have. */
    public long inclusiveUpperBound() {
      return upperBoundInclusive ? upperBound : upperBound - 1;
    }
  }

  /** Assigns timestamps and generates watermarks mid-stream. */
  record AssignTimestamps(WatermarkStrategy<?> strategy) implements OperatorSpec {
    @Override
    public Function function() {
      return null;
    }
  }

  record KeyedCoProcess(KeyedCoProcessFunction<?, ?, ?, ?> function) implements OperatorSpec {}

  /**
   * A non-keyed stream (input 0) with a broadcast stream (input 1); the operator keeps a
   * broadcast state per descriptor.
   */
  record BroadcastProcess(BroadcastProcessFunction<?, ?, ?> function, List<MapStateDescriptor<?, ?>> broadcastStates)
      implements OperatorSpec {
    public BroadcastProcess {
      broadcastStates = List.copyOf(broadcastStates);
    }
  }

  /**
   * A keyed stream (input 0) with a broadcast stream (input 1); the operator keeps a broadcast
   * state per descriptor besides keyed state and timers.
   */
  record KeyedBroadcastProcess(KeyedBroadcastProcessFunction<?, ?, ?, ?> function,
      List<MapStateDescriptor<?, ?>> broadcastStates) implements OperatorSpec {
    public KeyedBroadcastProcess {
      broadcastStates = List.copyOf(broadcastStates);
    }
  }

  /**
   * A keyed window operator (non-keyed {@code windowAll} runs keyed by a constant, with
   * parallelism 1). Per record: {@code assigner} gives its windows, merging them if it is a
   * {@link MergingWindowAssigner}; the record is added to each window's {@code contents} (kept
   * in keyed state of the {@code contentsType}, the window as namespace, serialized with the
   * assigner's window serializer) and {@code trigger} is asked whether to fire. Firing evaluates
   * the contents with {@code windowFunction}; with an {@code evictor}, the contents are
   * {@link WindowContents.Elements} with their timestamps, and the evictor sees them before and
   * after the evaluation.
   *
   * <p>In event time, a window is discarded (contents, trigger state, the window function's
   * window state) once the watermark passes its {@code maxTimestamp() + allowedLatenessMillis};
   * records that only belong to discarded windows are late: they go to {@code lateDataTag} if
   * set, else are dropped.
   *
   * <p>The spec is itself the operator's function: each subtask works with its own deserialized
   * copy of the whole spec, so the assigner, trigger, evictor and functions of a subtask are its
   * own, and {@link #open}/{@link #close} on that copy reach every rich user function in it.
   *
   * @param assigner              assigns windows; {@code WindowAssigner<? super T, W>}
   * @param trigger               decides when windows fire; {@code Trigger<? super T, ? super W>}
   * @param evictor               removes elements when a window fires, or null;
   *                              {@code Evictor<? super T, ? super W>}
   * @param allowedLatenessMillis how long after its end an event-time window is kept, at least 0
   * @param lateDataTag           the side output for late records ({@code OutputTag<T>}), or null
   * @param contents              how the contents of a window are kept
   * @param contentsType          what the contents state stores: the element type for
   *                              {@link WindowContents.Elements} and {@link WindowContents.Reduce},
   *                              the accumulator type for {@link WindowContents.Aggregate}; may be
   *                              {@link TypeInfo#unknown()}
   * @param windowFunction        evaluates a window; its input is an {@code Iterable} of the
   *                              elements for {@link WindowContents.Elements}, else the reduced
   *                              value or the aggregate's result
   */
  record Window(
      WindowAssigner<?, ?> assigner,
      Trigger<?, ?> trigger,
      @Nullable Evictor<?, ?> evictor,
      long allowedLatenessMillis,
      @Nullable OutputTag<?> lateDataTag,
      WindowContents contents,
      TypeInfo<?> contentsType,
      InternalWindowFunction<?, ?, ?, ?> windowFunction) implements OperatorSpec, RichFunction {
    public Window {
      Objects.requireNonNull(assigner, "assigner");
      Objects.requireNonNull(trigger, "trigger");
      Objects.requireNonNull(contents, "contents");
      Objects.requireNonNull(contentsType, "contentsType");
      Objects.requireNonNull(windowFunction, "windowFunction");
      if (allowedLatenessMillis < 0) {
        throw new IllegalArgumentException("The allowed lateness cannot be negative, but was " + allowedLatenessMillis + " ms");
      }
      if (assigner instanceof MergingWindowAssigner<?, ?> && !trigger.canMerge()) {
        throw new IllegalArgumentException("The merging window assigner " + assigner
            + " needs a trigger that can merge, but " + trigger + " cannot");
      }
      if (evictor != null && !(contents instanceof WindowContents.Elements)) {
        throw new IllegalArgumentException(
            "Bug in window graph construction: an evicting window must keep all elements, but keeps " + contents);
      }
    }

    /** This spec: it holds the user functions, and opens and closes them. */
    @Override
    public Function function() {
      return this;
    }

    /** Opens the rich user functions: the contents' reduce or aggregate function and the window function. */
    @Override
    public void open(RuntimeContext context) throws Exception {
      Function contentsFunction = contentsFunction();
      if (contentsFunction != null) {
        FunctionLifecycle.open(contentsFunction, context);
      }
      windowFunction.open(context);
    }

    /** Closes what {@link #open} opened, all of it even when one close fails. */
    @Override
    public void close() throws Exception {
      Exception failure = null;
      Function contentsFunction = contentsFunction();
      if (contentsFunction != null) {
        try {
          FunctionLifecycle.close(contentsFunction);
        } catch (Exception e) {
          failure = e;
        }
      }
      try {
        windowFunction.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    }

    @Nullable
    private Function contentsFunction() {
      if (contents instanceof WindowContents.Reduce reduce) {
        return reduce.function();
      } else if (contents instanceof WindowContents.Aggregate aggregate) {
        return aggregate.function();
      }
      return null;
    }
  }
}
