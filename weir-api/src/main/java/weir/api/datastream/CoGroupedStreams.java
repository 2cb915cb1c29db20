package weir.api.datastream;

import java.time.Duration;
import java.util.Objects;
import weir.api.annotation.Public;
import weir.api.functions.CoGroupFunction;
import weir.api.functions.Function;
import weir.api.functions.KeySelector;
import weir.api.graph.OperatorSpec;
import weir.api.graph.Transformation;
import weir.api.graph.window.InternalWindowFunction;
import weir.api.typeinfo.TypeInfo;
import weir.api.windowing.assigners.WindowAssigner;
import weir.api.windowing.evictors.Evictor;
import weir.api.windowing.triggers.Trigger;
import weir.api.windowing.windows.Window;

/**
 * A window coGroup of two streams, from {@link DataStream#coGroup}: records of both inputs with
 * equal keys that fall into the same window are handed to a {@link CoGroupFunction} together,
 * one call per key and window. Say how each input is keyed ({@link #where}, then
 * {@link Where#equalTo}), how records are windowed ({@link Where.EqualTo#window}), optionally
 * how windows fire, then the function ({@link WithWindow#apply}).
 *
 * <pre>{@code
 * DataStream<String> unpaid = orders.coGroup(payments)
 *     .where(Order::id)
 *     .equalTo(Payment::orderId)
 *     .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
 *     .apply((orderList, paymentList, out) -> {
 *       if (!paymentList.iterator().hasNext()) {
 *         orderList.forEach(order -> out.collect("unpaid: " + order.id()));
 *       }
 *     });
 * }</pre>
 *
 * <h3>How it runs</h3>
 * As in Flink: each record is tagged with its input, the two tagged streams are united and keyed
 * by the left or the right key selector depending on the tag, and a window operator that keeps all
 * elements evaluates each window by splitting its records back into the two inputs. So a coGroup
 * has the window semantics of {@link WindowedStream} (event or processing time, merging session
 * windows, triggers, evictors, allowed lateness), and its state and checkpoints are those of a
 * window operator. The result stream's records carry the window's last millisecond as timestamp
 * in event time.
 *
 * <p>Both key selectors must return equal keys (by {@code equals} and {@code hashCode}) of the same
 * type for records that belong together. When both declare their key type and the two cannot be
 * equal, building fails with an {@link InvalidProgramException}.
 *
 * @param <L> the left input's type
 * @param <R> the right input's type
 * @since 0.1
 */
@Public
public final class CoGroupedStreams<L, R> {
  private final DataStream<L> left;
  private final DataStream<R> right;
  /** Names the operation in messages: "The window coGroup of 'a' and 'b'". */
  private final String description;

  CoGroupedStreams(DataStream<L> left, DataStream<R> right, String operation) {
    this.left = left;
    this.right = Objects.requireNonNull(right, operation + " needs the other stream");
    this.description = "The " + operation + " of '" + JoinInputs.nameOf(left) + "' and '" + JoinInputs.nameOf(right)
        + "'";
    if (right.getExecutionEnvironment() != left.getExecutionEnvironment()) {
      throw new InvalidProgramException(description + " combines streams of two execution environments;"
          + " build both inputs with the same environment");
    }
  }

  /**
   * Keys the left input by {@code keySelector}.
   *
   * @param <K> the key type, the same for both inputs
   */
  public <K> Where<K> where(KeySelector<L, K> keySelector) {
    Objects.requireNonNull(keySelector, "keySelector");
    SerializabilityCheck.check(keySelector, "key selector of where(...) of " + lowerCase(description));
    return new Where<>(keySelector);
  }

  StreamExecutionEnvironment env() {
    return left.getExecutionEnvironment();
  }

  private static String lowerCase(String description) {
    return "t" + description.substring(1);
  }

  /**
   * A coGroup whose left input is keyed; {@link #equalTo} keys the right one.
   *
   * @param <K> the key type
   * @since 0.1
   */
  @Public
  public final class Where<K> {
    private final KeySelector<L, K> leftKey;

    Where(KeySelector<L, K> leftKey) {
      this.leftKey = leftKey;
    }

    /**
     * Keys the right input by {@code keySelector}, whose keys must equal the left keys of the
     * records that belong together.
     *
     * @throws InvalidProgramException if both key selectors declare key types that cannot be equal
     */
    public EqualTo equalTo(KeySelector<R, K> keySelector) {
      Objects.requireNonNull(keySelector, "keySelector");
      SerializabilityCheck.check(keySelector, "key selector of equalTo(...) of " + lowerCase(description));
      JoinInputs.checkSameKeyType(env(), description, left, leftKey, right, keySelector);
      return new EqualTo(keySelector);
    }

    /**
     * A coGroup whose inputs are both keyed; {@link #window} says how records are windowed.
     *
     * @since 0.1
     */
    @Public
    public final class EqualTo {
      private final KeySelector<R, K> rightKey;

      EqualTo(KeySelector<R, K> rightKey) {
        this.rightKey = rightKey;
      }

      /**
       * Windows the records of both inputs with {@code assigner}. The window operator sees the
       * records of both inputs, so the assigner, and the trigger and evictor if set, must accept
       * any record: all built-in ones do.
       */
      public <W extends Window> WithWindow<L, R, K, W> window(WindowAssigner<Object, W> assigner) {
        return new WithWindow<>(left, right, leftKey, rightKey, assigner, description);
      }
    }
  }

  /**
   * A coGroup with its keys and windows set: optionally set how windows fire, then the function
   * with {@link #apply}.
   *
   * @param <L> the left input's type
   * @param <R> the right input's type
   * @param <K> the key type
   * @param <W> the type of the windows
   * @since 0.1
   */
  @Public
  public static final class WithWindow<L, R, K, W extends Window> {
    private final WindowOperatorBuilder<TaggedUnion<L, R>, K, W> builder;
    private final String description;

    WithWindow(DataStream<L> left, DataStream<R> right, KeySelector<L, K> leftKey, KeySelector<R, K> rightKey,
        WindowAssigner<Object, W> assigner, String description) {
      this.description = description;
      StreamExecutionEnvironment env = left.getExecutionEnvironment();
      TypeInfo<TaggedUnion<L, R>> type =
          TaggedUnion.typeOf(left.getType(), right.getType(), env.getConfig().getSerializerConfig());
      KeyedStream<TaggedUnion<L, R>, K> tagged = tag(left, UnionTagger.forLeft(), "Tag left", type)
          .union(tag(right, UnionTagger.<L, R>forRight(), "Tag right", type))
          .keyBy(new UnionKeySelector<>(leftKey, rightKey));
      this.builder = new WindowOperatorBuilder<>(tagged, "Window", assigner);
    }

    /**
     * Wraps {@code input}'s records in unions of their side, with the input's parallelism when it
     * has one set, so that the tagging chains to the operator before it.
     */
    private static <T, L, R> DataStream<TaggedUnion<L, R>> tag(DataStream<T> input, UnionTagger<L, R, T> tagger,
        String name, TypeInfo<TaggedUnion<L, R>> type) {
      DataStream<TaggedUnion<L, R>> tagged = input.oneInput(name, tagger, new OperatorSpec.Map(tagger), type);
      int parallelism = input.getTransformation().getParallelism();
      if (parallelism != Transformation.DEFAULT_PARALLELISM) {
        tagged.setParallelism(parallelism);
      }
      return tagged;
    }

    /**
     * Sets the trigger that decides when windows fire, instead of the assigner's default one.
     *
     * @throws UnsupportedOperationException if the assigner merges windows and the trigger cannot
     */
    public WithWindow<L, R, K, W> trigger(Trigger<Object, ? super W> trigger) {
      builder.trigger(trigger);
      return this;
    }

    /** Sets an evictor that removes records from a window when it fires, before or after evaluation. */
    public WithWindow<L, R, K, W> evictor(Evictor<Object, ? super W> evictor) {
      builder.evictor(evictor);
      return this;
    }

    /**
     * Keeps event-time windows for {@code lateness} after their end, so that records up to that
     * late still update them (and fire them again with the default trigger). Default: zero; later
     * records are dropped.
     *
     * @throws IllegalArgumentException if {@code lateness} is negative
     */
    public WithWindow<L, R, K, W> allowedLateness(Duration lateness) {
      builder.allowedLateness(lateness);
      return this;
    }

    /**
     * Evaluates each key's window with {@code function} when it fires. The result's type is
     * derived from the function; a lambda's is erased, so give it with
     * {@link DataStream#returns} on the result or implement the function as a class.
     */
    public <O> DataStream<O> apply(CoGroupFunction<L, R, O> function) {
      Objects.requireNonNull(function, "function");
      return apply(function, function, "coGroup function", "CoGroup",
          TypeInference.output(builder.env(), function, CoGroupFunction.class, 2));
    }

    /**
     * Builds the window operator that evaluates windows with {@code coGroup}.
     *
     * @param userFunction what the user gave: {@code coGroup} itself or the function it wraps
     * @param role         names {@code userFunction} in messages, e.g. "join function"
     * @param kind         ends the operator's name, e.g. "Join"
     */
    <O> DataStream<O> apply(CoGroupFunction<L, R, O> coGroup, Function userFunction, String role, String kind,
        TypeInfo<O> outputType) {
      SerializabilityCheck.check(userFunction, role + " of " + lowerCase(description));
      return builder.process(InternalWindowFunction.of(new SplitByTag<>(coGroup), userFunction), userFunction,
          outputType, kind);
    }

    StreamExecutionEnvironment env() {
      return builder.env();
    }
  }
}
