package weir.api.datastream;

import weir.api.functions.AggregateFunction;
import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.graph.FunctionLifecycle;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.typeinfo.TypeInfo;

/** {@link KeyedStream#aggregate}: keeps the accumulator per key and emits the result per record. */
final class RollingAggregate<K, T, A, R> extends KeyedProcessFunction<K, T, R> {
  private static final long serialVersionUID = 1L;

  private final AggregateFunction<T, A, R> aggregator;
  private final TypeInfo<A> accumulatorType;
  private transient ValueState<A> state;

  RollingAggregate(AggregateFunction<T, A, R> aggregator, TypeInfo<A> accumulatorType) {
    this.aggregator = aggregator;
    this.accumulatorType = accumulatorType;
  }

  @Override
  public void open(RuntimeContext context) throws Exception {
    super.open(context);
    FunctionLifecycle.open(aggregator, context);
    state = context.getState(new ValueStateDescriptor<>("aggregate", accumulatorType));
  }

  @Override
  public void processElement(T value, Context<K> ctx, Collector<R> out) {
    A acc = state.value();
    if (acc == null) {
      acc = aggregator.createAccumulator();
    }
    acc = aggregator.add(value, acc);
    state.update(acc);
    out.collect(aggregator.getResult(acc));
  }

  @Override
  public void close() throws Exception {
    FunctionLifecycle.close(aggregator);
  }
}
