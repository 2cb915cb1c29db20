package weir.api.datastream;

import java.time.Duration;
import weir.api.annotation.Public;
import weir.api.functions.AggregateFunction;
import weir.api.functions.ReduceFunction;
import weir.api.graph.window.InternalWindowFunction;
import weir.api.typeinfo.TypeInfo;
import weir.api.windowing.assigners.WindowAssigner;
import weir.api.windowing.evictors.Evictor;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.functions.WindowFunction;
import weir.api.windowing.triggers.Trigger;
import weir.api.windowing.windows.Window;

/**
 * A keyed stream cut into windows, from {@link KeyedStream#window}: set how windows fire
 * ({@link #trigger}), what they drop ({@link #evictor}), how late records may be
 * ({@link #allowedLateness}, {@link #sideOutputLateData}), then say how a window is evaluated.
 *
 * <pre>{@code
 * bids.keyBy(Bid::auction)
 *     .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(2)))
 *     .aggregate(new CountBids(), new EmitWithWindow());
 * }</pre>
 *
 * <h3>Evaluation</h3>
 * <ul>
 *   <li>{@link #reduce} and {@link #aggregate} are incremental: a window keeps one value, updated
 *       per record, and emits it (or hands it to a window function) when it fires.</li>
 *   <li>{@link #process} and {@link #apply} keep all elements of a window until it fires.</li>
 *   <li>With an {@link #evictor}, every window keeps all its elements, and a reduce or aggregate
 *       function runs over what the evictor leaves when the window fires.</li>
 * </ul>
 * Reduce, aggregate and window functions may be rich functions: they are opened and closed with
 * the operator.
 *
 * <h3>Late records</h3>
 * In event time, a window is kept until the watermark passes its end plus the allowed lateness
 * (0 by default); a record that arrives for a window already discarded is late: it goes to the
 * {@link #sideOutputLateData} tag if set, and is dropped otherwise. Processing-time windows have
 * no late records.
 *
 * @param <T> the type of the records
 * @param <K> the type of the key
 * @param <W> the type of the windows
 * @since 0.1
 */
@Public
public class WindowedStream<T, K, W extends Window> {
  private final WindowOperatorBuilder<T, K, W> builder;

  WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
    this.builder = new WindowOperatorBuilder<>(input, "Window", assigner);
  }

  /**
   * Sets the trigger that decides when windows fire, instead of the assigner's default one.
   *
   * @throws UnsupportedOperationException if the assigner merges windows and the trigger cannot
   */
  public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
    builder.trigger(trigger);
    return this;
  }

  /** Sets an evictor that removes elements from a window when it fires, before or after evaluation. */
  public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
    builder.evictor(evictor);
    return this;
  }

  /**
   * Keeps event-time windows for {@code lateness} after their end, so that records up to that
   * late still update them (and fire them again with the default trigger). Default: zero.
   *
   * @throws IllegalArgumentException if {@code lateness} is negative
   */
  public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
    builder.allowedLateness(lateness);
    return this;
  }

  /**
   * Emits records that arrive too late for all their windows to the side output {@code tag},
   * which {@link DataStream#getSideOutput} on the result stream reads.
   */
  public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> tag) {
    builder.sideOutputLateData(tag);
    return this;
  }

  // ---- incremental evaluation ----

  /** Reduces each window incrementally and emits the reduced value when it fires. */
  public DataStream<T> reduce(ReduceFunction<T> function) {
    return builder.reduce(function, InternalWindowFunction.passThrough(), null, builder.inputType(), "Reduce");
  }

  /** Reduces each window incrementally and, when it fires, hands the reduced value to {@code function}. */
  public <R> DataStream<R> reduce(ReduceFunction<T> reducer, ProcessWindowFunction<T, R, K, W> function) {
    return builder.reduce(reducer, InternalWindowFunction.singleValue(InternalWindowFunction.of(function)), function,
        outputOf(function), "Reduce, Process");
  }

  /** Reduces each window incrementally and, when it fires, hands the reduced value to {@code function}. */
  public <R> DataStream<R> reduce(ReduceFunction<T> reducer, WindowFunction<T, R, K, W> function) {
    return builder.reduce(reducer, InternalWindowFunction.singleValue(InternalWindowFunction.of(function)), function,
        outputOf(function), "Reduce, Apply");
  }

  /** Aggregates each window incrementally and emits the aggregate's result when it fires. */
  public <A, R> DataStream<R> aggregate(AggregateFunction<T, A, R> function) {
    return builder.aggregate(function, InternalWindowFunction.passThrough(), null,
        TypeInference.output(builder.env(), function, AggregateFunction.class, 2), "Aggregate");
  }

  /** Aggregates each window incrementally and, when it fires, hands the result to {@code function}. */
  public <A, V, R> DataStream<R> aggregate(
      AggregateFunction<T, A, V> aggregator, ProcessWindowFunction<V, R, K, W> function) {
    return builder.aggregate(aggregator, InternalWindowFunction.singleValue(InternalWindowFunction.of(function)),
        function, outputOf(function), "Aggregate, Process");
  }

  /** Aggregates each window incrementally and, when it fires, hands the result to {@code function}. */
  public <A, V, R> DataStream<R> aggregate(AggregateFunction<T, A, V> aggregator, WindowFunction<V, R, K, W> function) {
    return builder.aggregate(aggregator, InternalWindowFunction.singleValue(InternalWindowFunction.of(function)),
        function, outputOf(function), "Aggregate, Apply");
  }

  // ---- evaluation over all elements ----

  /** Keeps all elements of each window and evaluates them with {@code function} when it fires. */
  public <R> DataStream<R> process(ProcessWindowFunction<T, R, K, W> function) {
    return builder.process(InternalWindowFunction.of(function), function, outputOf(function), "Process");
  }

  /** Keeps all elements of each window and evaluates them with {@code function} when it fires. */
  public <R> DataStream<R> apply(WindowFunction<T, R, K, W> function) {
    return builder.process(InternalWindowFunction.of(function), function, outputOf(function), "Apply");
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
    return builder.reduce(reducer, InternalWindowFunction.passThrough(), null, builder.inputType(), reducer.toString());
  }

  private <R> TypeInfo<R> outputOf(ProcessWindowFunction<?, R, K, W> function) {
    return TypeInference.output(builder.env(), function, ProcessWindowFunction.class, 1);
  }

  private <R> TypeInfo<R> outputOf(WindowFunction<?, R, K, W> function) {
    return TypeInference.output(builder.env(), function, WindowFunction.class, 1);
  }
}
