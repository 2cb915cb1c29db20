package weir.runtime.window;

import javax.annotation.Nullable;
import weir.api.functions.AggregateFunction;
import weir.api.functions.ReduceFunction;
import weir.api.graph.OperatorSpec;
import weir.api.graph.window.WindowContents;
import weir.api.typeinfo.InvalidTypeException;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeInfo;
import weir.runtime.state.TypeShapes;
import weir.api.typeinfo.TypeSerializer;

/**
 * How a sliced window folds records into a slice's accumulator, combines slices into a window,
 * and turns the combination into the window's result: one shape for reduce and aggregate. The
 * session operator uses it the same way, a merge combining the accumulators of merging sessions.
 *
 * @param <IN> the record type
 * @param <A> the accumulator (for a reduce: the record type)
 * @param <R> the result the window function receives
 */
interface SliceAggregator<IN, A, R> {
  /** Folds {@code value} into {@code acc}, which is {@code null} for an empty slice. */
  A add(IN value, A acc) throws Exception;

  /** Combines the accumulators of two slices, the earlier first. */
  A merge(A earlier, A later) throws Exception;

  R result(A acc) throws Exception;

  /**
   * A fresh accumulator holding {@code first}, to merge a window's other slices into: merge may
   * change its first argument in place, which must not be a slice's own accumulator object.
   */
  A copyOf(A first) throws Exception;

  /**
   * The serializer to keep the accumulators of {@code spec} as bytes with, or {@code null} to
   * keep them as objects: when their type is not known, has no serializer, or is not flat (holds
   * a collection, say a set of distinct ids, that would be read back from bytes in full on every
   * record; see {@link TypeShapes}).
   */
  @Nullable
  @SuppressWarnings("unchecked")
  static <A> TypeSerializer<A> accumulatorSerializer(OperatorSpec.Window spec, SerializerConfig config) {
    TypeInfo<A> type = (TypeInfo<A>) spec.contentsType();
    if (type.isUnknown() || !TypeShapes.isFlat(type.type())) {
      return null;
    }
    try {
      return type.createSerializer(config);
    } catch (InvalidTypeException e) {
      return null;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static SliceAggregator<Object, Object, Object> of(WindowContents contents) {
    if (contents instanceof WindowContents.Reduce r) {
      return new Reducing<>((ReduceFunction) r.function());
    }
    if (contents instanceof WindowContents.Aggregate a) {
      return new Aggregating<>((AggregateFunction) a.function());
    }
    throw new IllegalArgumentException("Bug in window operator selection: slices need a reduce or aggregate, not " + contents);
  }

  /** A reduce: the accumulator is the reduced record. */
  final class Reducing<T> implements SliceAggregator<T, T, T> {
    private final ReduceFunction<T> reducer;

    Reducing(ReduceFunction<T> reducer) {
      this.reducer = reducer;
    }

    @Override
    public T add(T value, T acc) throws Exception {
      return acc == null ? value : reducer.reduce(acc, value);
    }

    @Override
    public T merge(T earlier, T later) throws Exception {
      return reducer.reduce(earlier, later);
    }

    @Override
    public T result(T acc) {
      return acc;
    }

    @Override
    public T copyOf(T first) {
      return first;
    }
  }

  /** An aggregate: slices hold accumulators, merged with the function's own merge. */
  final class Aggregating<IN, A, R> implements SliceAggregator<IN, A, R> {
    private final AggregateFunction<IN, A, R> function;

    Aggregating(AggregateFunction<IN, A, R> function) {
      this.function = function;
    }

    @Override
    public A add(IN value, A acc) {
      return function.add(value, acc == null ? function.createAccumulator() : acc);
    }

    @Override
    public A merge(A earlier, A later) {
      return function.merge(earlier, later);
    }

    @Override
    public R result(A acc) {
      return function.getResult(acc);
    }

    @Override
    public A copyOf(A first) {
      return function.merge(function.createAccumulator(), first);
    }
  }
}
