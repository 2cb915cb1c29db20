package weir.api.datastream;

import java.time.Duration;
import java.util.Objects;
import javax.annotation.Nullable;
import weir.api.functions.AggregateFunction;
import weir.api.functions.Function;
import weir.api.functions.ReduceFunction;
import weir.api.graph.OperatorSpec;
import weir.api.graph.window.InternalWindowFunction;
import weir.api.graph.window.WindowContents;
import weir.api.typeinfo.TypeInfo;
import weir.api.windowing.assigners.MergingWindowAssigner;
import weir.api.windowing.assigners.WindowAssigner;
import weir.api.windowing.evictors.Evictor;
import weir.api.windowing.triggers.Trigger;
import weir.api.windowing.windows.Window;

/**
 * What {@link WindowedStream} and {@link AllWindowedStream} share: the settings of the window
 * operator, and turning a reduce, aggregate or window function into an
 * {@link OperatorSpec.Window} on the keyed input. With an evictor every window keeps all its
 * elements, and reduce and aggregate functions run over what the evictor leaves when the window
 * fires.
 */
final class WindowOperatorBuilder<T, K, W extends Window> {
  private final KeyedStream<T, K> input;
  private final String operatorName;
  private final WindowAssigner<? super T, W> assigner;
  private Trigger<? super T, ? super W> trigger;
  @Nullable private Evictor<? super T, ? super W> evictor;
  private long allowedLatenessMillis;
  @Nullable private OutputTag<T> lateDataTag;

  WindowOperatorBuilder(KeyedStream<T, K> input, String operatorName, WindowAssigner<? super T, W> assigner) {
    this.input = input;
    this.operatorName = operatorName;
    this.assigner = Objects.requireNonNull(assigner, "assigner");
    this.trigger = assigner.getDefaultTrigger();
  }

  void trigger(Trigger<? super T, ? super W> trigger) {
    Objects.requireNonNull(trigger, "trigger");
    if (assigner instanceof MergingWindowAssigner<?, ?> && !trigger.canMerge()) {
      throw new UnsupportedOperationException("The merging window assigner " + assigner
          + " cannot be used with the trigger " + trigger + ", which does not support merging windows");
    }
    this.trigger = trigger;
  }

  void evictor(Evictor<? super T, ? super W> evictor) {
    this.evictor = Objects.requireNonNull(evictor, "evictor");
  }

  void allowedLateness(Duration lateness) {
    long millis = Objects.requireNonNull(lateness, "lateness").toMillis();
    if (millis < 0) {
      throw new IllegalArgumentException("The allowed lateness cannot be negative, but was " + lateness);
    }
    this.allowedLatenessMillis = millis;
  }

  void sideOutputLateData(OutputTag<T> tag) {
    this.lateDataTag = Objects.requireNonNull(tag, "tag");
  }

  /** Windows whose contents are the reduction of their elements; {@code then} evaluates it. */
  <R> DataStream<R> reduce(ReduceFunction<T> reducer, InternalWindowFunction<T, R, K, W> then,
      @Nullable Function windowFunction, TypeInfo<R> outputType, String description) {
    Objects.requireNonNull(reducer, "reducer");
    String name = name(description);
    SerializabilityCheck.check(reducer, "reduce function of operator '" + name + "'");
    if (evictor != null) {
      return build(name, new WindowContents.Elements(), input.getType(),
          InternalWindowFunction.reduceThen(reducer, then), windowFunction, outputType);
    }
    return build(name, new WindowContents.Reduce(reducer), input.getType(), then, windowFunction, outputType);
  }

  /** Windows whose contents are an accumulator of their elements; {@code then} evaluates its result. */
  <A, V, R> DataStream<R> aggregate(AggregateFunction<T, A, V> aggregator, InternalWindowFunction<V, R, K, W> then,
      @Nullable Function windowFunction, TypeInfo<R> outputType, String description) {
    Objects.requireNonNull(aggregator, "aggregator");
    String name = name(description);
    SerializabilityCheck.check(aggregator, "aggregate function of operator '" + name + "'");
    if (evictor != null) {
      return build(name, new WindowContents.Elements(), input.getType(),
          InternalWindowFunction.aggregateThen(aggregator, then), windowFunction, outputType);
    }
    TypeInfo<A> accumulatorType =
        TypeInference.output(input.getExecutionEnvironment(), aggregator, AggregateFunction.class, 1);
    return build(name, new WindowContents.Aggregate(aggregator), accumulatorType, then, windowFunction, outputType);
  }

  /** Windows that keep all their elements for {@code function}. */
  <R> DataStream<R> process(InternalWindowFunction<Iterable<T>, R, K, W> function, Function windowFunction,
      TypeInfo<R> outputType, String description) {
    return build(name(description), new WindowContents.Elements(), input.getType(), function, windowFunction,
        outputType);
  }

  private <R> DataStream<R> build(String name, WindowContents contents, TypeInfo<?> contentsType,
      InternalWindowFunction<?, R, K, W> function, @Nullable Function windowFunction, TypeInfo<R> outputType) {
    if (windowFunction != null) {
      SerializabilityCheck.check(windowFunction, "window function of operator '" + name + "'");
    }
    SerializabilityCheck.check(assigner, "window assigner of operator '" + name + "'");
    SerializabilityCheck.check(trigger, "trigger of operator '" + name + "'");
    if (evictor != null) {
      SerializabilityCheck.check(evictor, "evictor of operator '" + name + "'");
    }
    OperatorSpec.Window spec = new OperatorSpec.Window(assigner, trigger, evictor, allowedLatenessMillis,
        lateDataTag, contents, contentsType, function);
    return input.oneInput(name, spec, spec, outputType);
  }

  private String name(String description) {
    return operatorName + "(" + assigner + ", " + trigger + (evictor == null ? "" : ", " + evictor) + ", "
        + description + ")";
  }

  StreamExecutionEnvironment env() {
    return input.getExecutionEnvironment();
  }

  TypeInfo<T> inputType() {
    return input.getType();
  }
}
