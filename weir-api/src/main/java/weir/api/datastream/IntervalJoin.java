package weir.api.datastream;

import java.time.Duration;
import java.util.Objects;
import weir.api.annotation.Public;
import weir.api.functions.KeySelector;
import weir.api.graph.PartitionTransformation;
import weir.api.graph.Transformation;
import weir.api.typeinfo.InvalidTypeException;
import weir.api.typeinfo.TypeExtractor;
import weir.api.typeinfo.TypeInfo;

/**
 * The first step of an interval join of two keyed streams: {@code left.intervalJoin(right)}.
 * Choose the interval with {@link #between}, then the function with {@link
 * IntervalJoined#process}.
 *
 * <pre>{@code
 * DataStream<Enriched> enriched = orders.keyBy(Order::customer)
 *     .intervalJoin(clicks.keyBy(Click::customer))
 *     .between(Duration.ofMinutes(-10), Duration.ZERO)   // clicks up to 10 minutes before the order
 *     .process(new EnrichOrder());
 * }</pre>
 *
 * <p>An interval join works in event time: both inputs need timestamps and watermarks (a {@link
 * weir.api.eventtime.WatermarkStrategy} on their sources or {@code assignTimestampsAndWatermarks}).
 *
 * @param <L> the left input's type
 * @param <R> the right input's type
 * @param <K> the key type, the same for both inputs
 * @since 0.1
 */
@Public
public final class IntervalJoin<L, R, K> {
  private final KeyedStream<L, K> left;
  private final KeyedStream<R, K> right;

  IntervalJoin(KeyedStream<L, K> left, KeyedStream<R, K> right) {
    this.left = left;
    this.right = Objects.requireNonNull(right, "intervalJoin needs the other keyed stream");
    checkSameKeyType();
  }

  /**
   * Joins each left record at time {@code t} with the right records of its key whose timestamps
   * lie in {@code [t + lowerBound, t + upperBound]}, both bounds inclusive unless made exclusive
   * on the result. Bounds may be negative (right records before the left one); they are used at
   * millisecond precision.
   *
   * @throws InvalidProgramException if {@code lowerBound} is greater than {@code upperBound}
   */
  public IntervalJoined<L, R, K> between(Duration lowerBound, Duration upperBound) {
    Objects.requireNonNull(lowerBound, "lowerBound");
    Objects.requireNonNull(upperBound, "upperBound");
    long lower = lowerBound.toMillis();
    long upper = upperBound.toMillis();
    if (lower > upper) {
      throw new InvalidProgramException(describe(left, right) + " has a lower bound of " + lower
          + " ms, greater than its upper bound of " + upper + " ms: pass the earlier offset first");
    }
    return new IntervalJoined<>(left, right, lower, upper);
  }

  /**
   * Generics make both key types equal at compile time; this catches what raw types and unchecked
   * casts let through when both key selectors declare their key type.
   */
  private void checkSameKeyType() {
    Class<?> leftKey = keyClass(left.getKeySelector());
    Class<?> rightKey = keyClass(right.getKeySelector());
    if (leftKey != null && rightKey != null && !leftKey.isAssignableFrom(rightKey)
        && !rightKey.isAssignableFrom(leftKey)) {
      throw new InvalidProgramException(describe(left, right) + " needs keys of the same type on both inputs, but '"
          + nameOf(left) + "' is keyed by " + leftKey.getName() + " and '" + nameOf(right) + "' by "
          + rightKey.getName() + ": key both streams by the same type, or no records would ever meet");
    }
  }

  /** Names the join by its inputs, for error messages. */
  static String describe(KeyedStream<?, ?> left, KeyedStream<?, ?> right) {
    return "The interval join of '" + nameOf(left) + "' and '" + nameOf(right) + "'";
  }

  /** The name of the operator that produces the stream before it was keyed. */
  private static String nameOf(KeyedStream<?, ?> stream) {
    Transformation<?> t = stream.getTransformation();
    while (t instanceof PartitionTransformation<?> partition) {
      t = partition.getInput();
    }
    return t.getName();
  }

  /** The class of the keys {@code selector} returns, boxed; {@code null} when it cannot be told. */
  private Class<?> keyClass(KeySelector<?, ?> selector) {
    TypeInfo<?> type;
    try {
      type = TypeExtractor.outputTypeOf(selector, KeySelector.class, 1,
          left.getExecutionEnvironment().getConfig().getSerializerConfig());
    } catch (InvalidTypeException | IllegalArgumentException notKnown) {
      return null;
    }
    if (type.isUnknown()) {
      return null;
    }
    Class<?> c = type.typeClass();
    return c.isPrimitive() ? boxed(c) : c;
  }

  private static Class<?> boxed(Class<?> primitive) {
    return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType();
  }
}
