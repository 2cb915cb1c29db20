package weir.api.datastream;

import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.ReduceFunction;
import weir.api.functions.RuntimeContext;
import weir.api.graph.FunctionLifecycle;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.typeinfo.TypeInfo;

/** {@link KeyedStream#reduce}: keeps the reduction per key in value state and emits each update. */
final class RollingReduce<K, T> extends KeyedProcessFunction<K, T, T> {
  private static final long serialVersionUID = 1L;

  private final ReduceFunction<T> reducer;
  private final TypeInfo<T> type;
  private transient ValueState<T> state;

  RollingReduce(ReduceFunction<T> reducer, TypeInfo<T> type) {
    this.reducer = reducer;
    this.type = type;
  }

  @Override
  public void open(RuntimeContext context) throws Exception {
    super.open(context);
    FunctionLifecycle.open(reducer, context);
    state = context.getState(new ValueStateDescriptor<>("reduce", type));
  }

  @Override
  public void processElement(T value, Context<K> ctx, Collector<T> out) throws Exception {
    T current = state.value();
    T updated = current == null ? value : reducer.reduce(current, value);
    state.update(updated);
    out.collect(updated);
  }

  @Override
  public void close() throws Exception {
    FunctionLifecycle.close(reducer);
  }
}
