package weir.api.datastream;

import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.typeinfo.TypeInfo;

/** The rolling field aggregations of {@link KeyedStream}: sum, min, max, minBy, maxBy. */
final class FieldAggregation<K, T> extends KeyedProcessFunction<K, T, T> {
  private static final long serialVersionUID = 1L;

  enum Kind {
    SUM("Sum"), MIN("Min"), MAX("Max"), MIN_BY("MinBy"), MAX_BY("MaxBy");

    private final String displayName;

    Kind(String displayName) {
      this.displayName = displayName;
    }

    String displayName() {
      return displayName;
    }
  }

  private final Kind kind;
  private final FieldReducer<T> reducer;
  private final TypeInfo<T> type;
  private transient ValueState<T> state;

  FieldAggregation(Kind kind, String field, TypeInfo<T> type) {
    this.kind = kind;
    this.reducer = new FieldReducer<>(kind, field);
    this.type = type;
  }

  @Override
  public void open(RuntimeContext context) throws Exception {
    super.open(context);
    state = context.getState(new ValueStateDescriptor<>(kind.displayName().toLowerCase(), type));
  }

  @Override
  public void processElement(T value, Context<K> ctx, Collector<T> out) throws Exception {
    T current = state.value();
    T updated = current == null ? value : reducer.reduce(current, value);
    state.update(updated);
    out.collect(updated);
  }
}
