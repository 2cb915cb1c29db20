package weir.api.datastream;

import java.util.Objects;
import javax.annotation.Nullable;
import weir.api.annotation.Public;
import weir.api.functions.ProcessJoinFunction;
import weir.api.graph.OperatorSpec;
import weir.api.graph.TwoInputTransformation;

/**
 * An interval join with its interval chosen: optionally make the bounds exclusive or keep late
 * records, then {@link #process} the joined pairs. The setters change this object and return it.
 *
 * <h3>Semantics</h3>
 * A left record at {@code l} and a right record at {@code r} of the same key join when {@code l +
 * lowerBound <= r <= l + upperBound} ({@code <} on an exclusive bound). Records of the two inputs
 * may arrive in any order: each side is buffered in keyed state by timestamp, and every pair is
 * handed to the function once, when its later-arriving record comes. The output carries {@code
 * max(l, r)} as its timestamp.
 *
 * <h3>Time, lateness and state</h3>
 * Records need event timestamps; a record without one fails the job with an error naming the
 * operator. A record whose timestamp is below the operator's current watermark is late: it is
 * dropped, or emitted to the side output set with {@link #sideOutputLeftLateData} or {@link
 * #sideOutputRightLateData}. A buffered record is removed as soon as the watermark shows that no
 * record of the other side that could still join it will come: a left record at {@code l} when
 * the watermark passes {@code l + upperBound}, a right record at {@code r} when it passes
 * {@code r - lowerBound} (exclusive bounds shift these by one millisecond). So state holds, per
 * key, about the records of one interval plus the watermark's delay.
 *
 * @param <L> the left input's type
 * @param <R> the right input's type
 * @param <K> the key type
 * @since 0.1
 */
@Public
public final class IntervalJoined<L, R, K> {
  private final KeyedStream<L, K> left;
  private final KeyedStream<R, K> right;
  private final long lowerBound;
  private boolean lowerBoundInclusive = true;
  private final long upperBound;
  private boolean upperBoundInclusive = true;
  @Nullable private OutputTag<L> leftLateDataTag;
  @Nullable private OutputTag<R> rightLateDataTag;

  IntervalJoined(KeyedStream<L, K> left, KeyedStream<R, K> right, long lowerBound, long upperBound) {
    this.left = left;
    this.right = right;
    this.lowerBound = lowerBound;
    this.upperBound = upperBound;
  }

  /** Excludes the lower bound: right records exactly {@code lowerBound} from a left one do not join it. */
  public IntervalJoined<L, R, K> lowerBoundExclusive() {
    this.lowerBoundInclusive = false;
    return this;
  }

  /** Excludes the upper bound: right records exactly {@code upperBound} from a left one do not join it. */
  public IntervalJoined<L, R, K> upperBoundExclusive() {
    this.upperBoundInclusive = false;
    return this;
  }

  /**
   * Emits late left records to the side output {@code tag} (read it with {@code
   * joined.getSideOutput(tag)}) instead of dropping them; they keep their timestamps.
   */
  public IntervalJoined<L, R, K> sideOutputLeftLateData(OutputTag<L> tag) {
    this.leftLateDataTag = Objects.requireNonNull(tag, "sideOutputLeftLateData needs an OutputTag");
    return this;
  }

  /**
   * Emits late right records to the side output {@code tag} (read it with {@code
   * joined.getSideOutput(tag)}) instead of dropping them; they keep their timestamps.
   */
  public IntervalJoined<L, R, K> sideOutputRightLateData(OutputTag<R> tag) {
    this.rightLateDataTag = Objects.requireNonNull(tag, "sideOutputRightLateData needs an OutputTag");
    return this;
  }

  /**
   * Completes the join: {@code function} gets every joined pair. The output type is derived from
   * the function's class; declare it with {@code returns(...)} on the result where it cannot be.
   *
   * @throws InvalidProgramException if exclusive bounds leave no time in the interval, or the
   *     function does not serialize
   */
  public <O> DataStream<O> process(ProcessJoinFunction<L, R, O> function) {
    Objects.requireNonNull(function, "process needs a ProcessJoinFunction");
    if (isEmptyInterval()) {
      throw new InvalidProgramException(IntervalJoin.describe(left, right) + " can join nothing: its interval "
          + describeInterval() + " contains no millisecond");
    }
    String name = "IntervalJoin";
    SerializabilityCheck.check(function, "function of operator '" + name + "'");
    OperatorSpec spec = new OperatorSpec.IntervalJoin(function, lowerBound, upperBound, lowerBoundInclusive,
        upperBoundInclusive, leftLateDataTag, rightLateDataTag);
    StreamExecutionEnvironment env = left.getExecutionEnvironment();
    return new DataStream<>(env, new TwoInputTransformation<>(env.newId(), name,
        TypeInference.output(env, function, ProcessJoinFunction.class, 2), left.getTransformation(),
        right.getTransformation(), spec, left.getKeySelector(), right.getKeySelector()));
  }

  private boolean isEmptyInterval() {
    // lowerBound <= upperBound, so lowerBound + 1 cannot overflow when they differ
    return lowerBound == upperBound ? !(lowerBoundInclusive && upperBoundInclusive)
        : upperBound == lowerBound + 1 && !lowerBoundInclusive && !upperBoundInclusive;
  }

  private String describeInterval() {
    return (lowerBoundInclusive ? "[" : "(") + lowerBound + " ms, " + upperBound + " ms"
        + (upperBoundInclusive ? "]" : ")");
  }
}
