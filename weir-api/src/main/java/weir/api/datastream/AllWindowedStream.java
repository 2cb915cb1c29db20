package weir.api.datastream;

import java.time.Duration;
import weir.api.annotation.Public;
import weir.api.functions.AggregateFunction;
import weir.api.functions.ReduceFunction;
import weir.api.graph.window.InternalWindowFunction;
import weir.api.typeinfo.TypeInfo;
import weir.api.windowing.assigners.WindowAssigner;
import weir.api.windowing.evictors.Evictor;
import weir.api.windowing.functions.AllWindowFunction;
import weir.api.windowing.functions.ProcessAllWindowFunction;
import weir.api.windowing.triggers.Trigger;
import weir.api.windowing.windows.Window;

/**
 * A non-keyed stream cut into windows, from {@link DataStream#windowAll}: each window holds
 * records of the whole stream, so the window operator runs with parallelism 1 (the stream is
 * keyed by a constant internally). Settings and evaluation are those of {@link WindowedStream},
 * with the {@code All} function types, which get no key.
 *
 * <pre>{@code
 * bids.windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
 *     .maxBy("price");
 * }</pre>
 *
 * @param <T> the type of the records
 * @param <W> the type of the windows
 * @since 0.1
 */
@Public
public class AllWindowedStream<T, W extends Window> {
  private final WindowOperatorBuilder<T, Byte, W> builder;

  AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> assigner) {
    this.builder = new WindowOperatorBuilder<>(input.keyBy(new ConstantKeySelector<>()), "WindowAll", assigner);
  }

  /**
   * Sets the trigger that decides when windows fire, instead of the assigner's default one.
   *
   * @throws UnsupportedOperationException if the assigner merges windows and the trigger cannot
   */
  public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
    builder.trigger(trigger);
    return this;
  }

  /** Sets an evictor that removes elements from a window when it fires, before or after evaluation. */
  public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
    builder.evictor(evictor);
    return this;
  }

  /**
   * Keeps event-time windows for {@code lateness} after their end, so that records up to that
   * late still update them. Default: zero.
   *
   * @throws IllegalArgumentException if {@code lateness} is negative
   */
  public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
    builder.allowedLateness(lateness);
    return this;
  }

  /** Emits records that arrive too late for all their windows to the side output {@code tag}. */
  public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> tag) {
    builder.sideOutputLateData(tag);
    return this;
  }

  // ---- incremental evaluation ----

  /** Reduces each window incrementally and emits the reduced value when it fires. */
  public DataStream<T> reduce(ReduceFunction<T> function) {
    return nonParallel(
        builder.reduce(function, InternalWindowFunction.passThrough(), null, builder.inputType(), "Reduce"));
  }

  /** Reduces each window incrementally and, when it fires, hands the reduced value to {@code function}. */
  public <R> DataStream<R> reduce(ReduceFunction<T> reducer, ProcessAllWindowFunction<T, R, W> function) {
    return nonParallel(builder.reduce(reducer,
        InternalWindowFunction.singleValue(InternalWindowFunction.<T, R, Byte, W>ofAll(function)), function,
        outputOf(function), "Reduce, Process"));
  }

  /** Reduces each window incrementally and, when it fires, hands the reduced value to {@code function}. */
  public <R> DataStream<R> reduce(ReduceFunction<T> reducer, AllWindowFunction<T, R, W> function) {
    return nonParallel(builder.reduce(reducer,
        InternalWindowFunction.singleValue(InternalWindowFunction.<T, R, Byte, W>ofAll(function)), function,
        outputOf(function), "Reduce, Apply"));
  }

  /** Aggregates each window incrementally and emits the aggregate's result when it fires. */
  public <A, R> DataStream<R> aggregate(AggregateFunction<T, A, R> function) {
    return nonParallel(builder.aggregate(function, InternalWindowFunction.passThrough(), null,
        TypeInference.output(builder.env(), function, AggregateFunction.class, 2), "Aggregate"));
  }

  /** Aggregates each window incrementally and, when it fires, hands the result to {@code function}. */
  public <A, V, R> DataStream<R> aggregate(
      AggregateFunction<T, A, V> aggregator, ProcessAllWindowFunction<V, R, W> function) {
    return nonParallel(builder.aggregate(aggregator,
        InternalWindowFunction.singleValue(InternalWindowFunction.<V, R, Byte, W>ofAll(function)), function,
        outputOf(function), "Aggregate, Process"));
  }

  /** Aggregates each window incrementally and, when it fires, hands the result to {@code function}. */
  public <A, V, R> DataStream<R> aggregate(AggregateFunction<T, A, V> aggregator, AllWindowFunction<V, R, W> function) {
    return nonParallel(builder.aggregate(aggregator,
        InternalWindowFunction.singleValue(InternalWindowFunction.<V, R, Byte, W>ofAll(function)), function,
        outputOf(function), "Aggregate, Apply"));
  }

  // ---- evaluation over all elements ----

  /** Keeps all elements of each window and evaluates them with {@code function} when it fires. */
  public <R> DataStream<R> process(ProcessAllWindowFunction<T, R, W> function) {
    return nonParallel(builder.process(InternalWindowFunction.<T, R, Byte, W>ofAll(function), function,
        outputOf(function), "Process"));
  }

  /** Keeps all elements of each window and evaluates them with {@code function} when it fires. */
  public <R> DataStream<R> apply(AllWindowFunction<T, R, W> function) {
    return nonParallel(builder.process(InternalWindowFunction.<T, R, Byte, W>ofAll(function), function,
        outputOf(function), "Apply"));
  }

  // ---- field aggregations ----

  /**
   * Emits, per window, its first record with {@code field} replaced by the sum over the window.
   * The field is a record component, a POJO field (public or with getter and setter), or
   * {@code "*"} for a stream of numbers.
   */
  public DataStream<T> sum(String field) {
    return fieldAggregation(FieldAggregation.Kind.SUM, field);
  }

  /** Like {@link #sum} with the minimum of {@code field}. */
  public DataStream<T> min(String field) {
    return fieldAggregation(FieldAggregation.Kind.MIN, field);
  }

  /** Like {@link #sum} with the maximum of {@code field}. */
  public DataStream<T> max(String field) {
    return fieldAggregation(FieldAggregation.Kind.MAX, field);
  }

  /** Emits, per window, the record with the smallest {@code field} (the first on ties). */
  public DataStream<T> minBy(String field) {
    return fieldAggregation(FieldAggregation.Kind.MIN_BY, field);
  }

  /** Emits, per window, the record with the largest {@code field} (the first on ties). */
  public DataStream<T> maxBy(String field) {
    return fieldAggregation(FieldAggregation.Kind.MAX_BY, field);
  }

  private DataStream<T> fieldAggregation(FieldAggregation.Kind kind, String field) {
    FieldReducer<T> reducer = new FieldReducer<>(kind, field);
    return nonParallel(builder.reduce(reducer, InternalWindowFunction.passThrough(), null, builder.inputType(),
        reducer.toString()));
  }

  private <R> TypeInfo<R> outputOf(ProcessAllWindowFunction<?, R, W> function) {
    return TypeInference.output(builder.env(), function, ProcessAllWindowFunction.class, 1);
  }

  private <R> TypeInfo<R> outputOf(AllWindowFunction<?, R, W> function) {
    return TypeInference.output(builder.env(), function, AllWindowFunction.class, 1);
  }

  private <R> DataStream<R> nonParallel(DataStream<R> stream) {
    return new NonParallelDataStream<>(builder.env(), stream.getTransformation());
  }
}
