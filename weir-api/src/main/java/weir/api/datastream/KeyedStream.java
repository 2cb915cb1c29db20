package weir.api.datastream;

import weir.api.annotation.Public;
import weir.api.functions.AggregateFunction;
import weir.api.functions.KeySelector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.ReduceFunction;
import weir.api.graph.OperatorSpec;
import weir.api.graph.Transformation;
import weir.api.windowing.assigners.WindowAssigner;
import weir.api.windowing.windows.Window;

/**
 * A stream partitioned by key. Operators applied to it run keyed: records with equal keys are
 * handled by the same subtask, and keyed state (in rich functions and process functions) is
 * scoped to the current record's key.
 *
 * <p>The rolling aggregations ({@link #reduce}, {@link #aggregate}, {@link #sum} and friends)
 * emit the updated aggregate of the record's key for every record; {@link #window} cuts each key's
 * records into windows that are evaluated as a whole.
 *
 * @param <T> the type of the records
 * @param <K> the type of the key
 * @since 0.1
 */
@Public
public class KeyedStream<T, K> extends DataStream<T> {
  private final KeySelector<T, K> keySelector;

  KeyedStream(StreamExecutionEnvironment env, Transformation<T> transformation, KeySelector<T, K> keySelector) {
    super(env, transformation);
    this.keySelector = keySelector;
  }

  /** The key selector of this stream. */
  public KeySelector<T, K> getKeySelector() {
    return keySelector;
  }

  @Override
  KeySelector<T, ?> keySelector() {
    return keySelector;
  }

  /**
   * Starts an interval join with {@code other}: records of both streams with equal keys join when
   * their timestamps are close enough, as set by {@link IntervalJoin#between}. This stream is the
   * left input, {@code other} the right one. Both need event time.
   *
   * @param other the right input, keyed by the same key type
   * @param <R> the right input's type
   */
  public <R> IntervalJoin<T, R, K> intervalJoin(KeyedStream<R, K> other) {
    return new IntervalJoin<>(this, other);
  }

  /** Processes each record with access to its key and the key's state. */
  public <R> DataStream<R> process(KeyedProcessFunction<K, T, R> function) {
    return oneInput("KeyedProcess", function, new OperatorSpec.KeyedProcess(function),
        TypeInference.output(env, function, KeyedProcessFunction.class, 2));
  }

  /** Emits, per record, the reduction of all records of its key so far. */
  public DataStream<T> reduce(ReduceFunction<T> reducer) {
    SerializabilityCheck.check(reducer, "function of operator 'Reduce'");
    return keyed("Reduce", new RollingReduce<K, T>(reducer, getType()), getType());
  }

  /** Emits, per record, the aggregate of all records of its key so far. */
  public <A, R> DataStream<R> aggregate(AggregateFunction<T, A, R> aggregator) {
    SerializabilityCheck.check(aggregator, "function of operator 'Aggregate'");
    return keyed("Aggregate", new RollingAggregate<K, T, A, R>(aggregator,
        TypeInference.output(env, aggregator, AggregateFunction.class, 1)),
        TypeInference.output(env, aggregator, AggregateFunction.class, 2));
  }

  /**
   * Emits, per record, the first record of its key with {@code field} replaced by the running sum.
   * The field is a record component, a POJO field (public or with getter and setter), or
   * {@code "*"} for a stream of numbers.
   */
  public DataStream<T> sum(String field) {
    return fieldAggregation(FieldAggregation.Kind.SUM, field);
  }

  /** Like {@link #sum} with the running minimum of {@code field}. */
  public DataStream<T> min(String field) {
    return fieldAggregation(FieldAggregation.Kind.MIN, field);
  }

  /** Like {@link #sum} with the running maximum of {@code field}. */
  public DataStream<T> max(String field) {
    return fieldAggregation(FieldAggregation.Kind.MAX, field);
  }

  /** Emits, per record, the record of its key with the smallest {@code field} so far (the first on ties). */
  public DataStream<T> minBy(String field) {
    return fieldAggregation(FieldAggregation.Kind.MIN_BY, field);
  }

  /** Emits, per record, the record of its key with the largest {@code field} so far (the first on ties). */
  public DataStream<T> maxBy(String field) {
    return fieldAggregation(FieldAggregation.Kind.MAX_BY, field);
  }

  /**
   * Cuts each key's records into the windows {@code assigner} puts them in, for windowed
   * reductions, aggregations and window functions.
   *
   * <pre>{@code
   * bids.keyBy(Bid::auction).window(TumblingEventTimeWindows.of(Duration.ofMinutes(1))).sum("price")
   * }</pre>
   */
  public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
    return new WindowedStream<>(this, assigner);
  }

  private DataStream<T> fieldAggregation(FieldAggregation.Kind kind, String field) {
    return keyed(kind.displayName() + "(" + field + ")", new FieldAggregation<K, T>(kind, field, getType()), getType());
  }

  private <R> DataStream<R> keyed(String name, KeyedProcessFunction<K, T, R> function, weir.api.typeinfo.TypeInfo<R> type) {
    return oneInput(name, function, new OperatorSpec.KeyedProcess(function), type);
  }
}
