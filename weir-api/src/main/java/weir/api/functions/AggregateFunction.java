package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Incremental aggregation with an accumulator: {@code createAccumulator}, then {@code add} per
 * record, {@code getResult} to read the aggregate, and {@code merge} to combine two partial
 * accumulators (used by merging windows and slice sharing).
 *
 * @param <IN> the input type
 * @param <ACC> the accumulator type
 * @param <OUT> the result type
 * @since 0.1
 */
@Public
public interface AggregateFunction<IN, ACC, OUT> extends Function {
  /** Creates a new, empty accumulator. */
  ACC createAccumulator();

  /** Adds a record to the accumulator and returns the updated accumulator (may be the same). */
  ACC add(IN value, ACC accumulator);

  /** Reads the result from an accumulator. */
  OUT getResult(ACC accumulator);

  /** Merges two accumulators into one. */
  ACC merge(ACC a, ACC b);
}
