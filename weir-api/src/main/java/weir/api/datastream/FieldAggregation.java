package weir.api.datastream;

import java.math.BigDecimal;
import java.math.BigInteger;
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
  private final String field;
  private final TypeInfo<T> type;
  private transient ValueState<T> state;
  private transient Class<?> accessorClass;
  private transient FieldAccessor accessor;

  FieldAggregation(Kind kind, String field, TypeInfo<T> type) {
    this.kind = kind;
    this.field = field;
    this.type = type;
  }

  @Override
  public void open(RuntimeContext context) throws Exception {
    super.open(context);
    state = context.getState(new ValueStateDescriptor<>(kind.displayName().toLowerCase(), type));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement(T value, Context<K> ctx, Collector<T> out) throws Exception {
    T current = state.value();
    T updated;
    if (current == null) {
      updated = value;
    } else {
      FieldAccessor fa = accessor(value.getClass());
      Object acc = fa.get(current);
      Object in = fa.get(value);
      updated = switch (kind) {
        case SUM -> (T) fa.with(current, add(acc, in));
        case MIN -> compare(in, acc) < 0 ? (T) fa.with(current, in) : current;
        case MAX -> compare(in, acc) > 0 ? (T) fa.with(current, in) : current;
        case MIN_BY -> compare(in, acc) < 0 ? value : current;
        case MAX_BY -> compare(in, acc) > 0 ? value : current;
      };
    }
    state.update(updated);
    out.collect(updated);
  }

  private FieldAccessor accessor(Class<?> recordClass) {
    if (recordClass != accessorClass) {
      accessor = FieldAccessor.forClass(recordClass, field);
      accessorClass = recordClass;
    }
    return accessor;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private int compare(Object a, Object b) {
    if (!(a instanceof Comparable)) {
      throw new IllegalArgumentException(
          kind.displayName() + "(" + field + ") needs a Comparable field, but found " + a.getClass().getName());
    }
    return ((Comparable) a).compareTo(b);
  }

  private Object add(Object a, Object b) {
    if (a instanceof Long x) {
      return x + (Long) b;
    } else if (a instanceof Integer x) {
      return x + (Integer) b;
    } else if (a instanceof Double x) {
      return x + (Double) b;
    } else if (a instanceof Float x) {
      return x + (Float) b;
    } else if (a instanceof Short x) {
      return (short) (x + (Short) b);
    } else if (a instanceof Byte x) {
      return (byte) (x + (Byte) b);
    } else if (a instanceof BigInteger x) {
      return x.add((BigInteger) b);
    } else if (a instanceof BigDecimal x) {
      return x.add((BigDecimal) b);
    }
    throw new IllegalArgumentException(
        "Sum(" + field + ") needs a numeric field, but found " + (a == null ? "null" : a.getClass().getName()));
  }
}
