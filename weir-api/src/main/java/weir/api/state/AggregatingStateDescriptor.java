package weir.api.state;

import java.util.Objects;
import weir.api.annotation.Public;
import weir.api.functions.AggregateFunction;
import weir.api.typeinfo.TypeInfo;

/**
 * Describes an {@link AggregatingState}; the type is the accumulator type.
 *
 * @param <IN> the added type
 * @param <ACC> the accumulator type
 * @param <OUT> the result type
 * @since 0.1
 */
@Public
public final class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<ACC> {
  private static final long serialVersionUID = 1L;

  private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

  public AggregatingStateDescriptor(
      String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accumulatorType) {
    this(name, aggregateFunction, TypeInfo.of(accumulatorType));
  }

  public AggregatingStateDescriptor(
      String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, TypeInfo<ACC> accumulatorType) {
    super(name, accumulatorType);
    this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregateFunction");
  }

  /** The function that maintains the accumulator. */
  public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
    return aggregateFunction;
  }

  @Override
  boolean supportsTimeToLive() {
    return true;
  }
}
