package weir.api.datastream;

import java.time.Duration;
import java.util.Objects;
import weir.api.annotation.Public;

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

  private void checkSameKeyType() {
    JoinInputs.checkSameKeyType(left.getExecutionEnvironment(), describe(left, right), left, left.getKeySelector(),
        right, right.getKeySelector());
  }

  /** Names the join by its inputs, for error messages. */
  static String describe(KeyedStream<?, ?> left, KeyedStream<?, ?> right) {
    return "The interval join of '" + JoinInputs.nameOf(left) + "' and '" + JoinInputs.nameOf(right) + "'";
  }
}
