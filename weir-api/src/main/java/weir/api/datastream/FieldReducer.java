package weir.api.datastream;

import java.math.BigDecimal;
import java.math.BigInteger;
import weir.api.functions.ReduceFunction;

/**
 * Combines two records by a named field, for the field aggregations (sum, min, max, minBy,
 * maxBy) of keyed streams and windows: the accumulated record with the field replaced by the sum,
 * minimum or maximum, or the record with the smaller or larger field (the accumulated one on ties).
 */
final class FieldReducer<T> implements ReduceFunction<T> {
  private static final long serialVersionUID = 1L;

  private final FieldAggregation.Kind kind;
  private final String field;
  private transient Class<?> accessorClass;
  private transient FieldAccessor accessor;

  FieldReducer(FieldAggregation.Kind kind, String field) {
    this.kind = kind;
    this.field = field;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T reduce(T current, T value) throws Exception {
    FieldAccessor fa = accessor(value.getClass());
    Object acc = fa.get(current);
    Object in = fa.get(value);
    return switch (kind) {
      case SUM -> (T) fa.with(current, add(acc, in));
      case MIN -> compare(in, acc) < 0 ? (T) fa.with(current, in) : current;
      case MAX -> compare(in, acc) > 0 ? (T) fa.with(current, in) : current;
      case MIN_BY -> compare(in, acc) < 0 ? value : current;
      case MAX_BY -> compare(in, acc) > 0 ? value : current;
    };
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

  @Override
  public String toString() {
    return kind.displayName() + "(" + field + ")";
  }
}
