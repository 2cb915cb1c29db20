package weir.api.datastream;

import java.time.Duration;
import java.util.Objects;
import weir.api.annotation.Public;
import weir.api.functions.FlatJoinFunction;
import weir.api.functions.JoinFunction;
import weir.api.functions.KeySelector;
import weir.api.windowing.assigners.WindowAssigner;
import weir.api.windowing.evictors.Evictor;
import weir.api.windowing.triggers.Trigger;
import weir.api.windowing.windows.Window;

/**
 * A window join of two streams, from {@link DataStream#join}: every pair of a left and a right
 * record with equal keys that fall into the same window is joined, once per window they share.
 * Say how each input is keyed ({@link #where}, then {@link Where#equalTo}), how records are
 * windowed ({@link Where.EqualTo#window}), optionally how windows fire, then the function
 * ({@link WithWindow#apply(JoinFunction)}).
 *
 * <pre>{@code
 * DataStream<String> paid = orders.join(payments)
 *     .where(Order::id)
 *     .equalTo(Payment::orderId)
 *     .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
 *     .apply((order, payment) -> order.id() + " paid " + payment.amount());
 * }</pre>
 *
 * <h3>Semantics</h3>
 * An inner join per window: a window in which one input has no record of a key emits nothing for
 * that key (use a {@link CoGroupedStreams coGroup} for outer joins). Pairs are formed when a
 * window fires, not as records arrive: with sliding windows a pair is joined once for each window
 * both records fall into, and with a trigger that fires a window several times, each firing joins
 * all its pairs again. In event time, results carry the window's last millisecond as timestamp.
 *
 * <h3>How it runs</h3>
 * A join is a coGroup whose function emits the cross product of a window's two sides, and has
 * its semantics and cost: each window keeps all its records until it is discarded. See
 * {@link CoGroupedStreams}.
 *
 * @param <L> the left input's type
 * @param <R> the right input's type
 * @since 0.1
 */
@Public
public final class JoinedStreams<L, R> {
  private final CoGroupedStreams<L, R> coGroup;

  JoinedStreams(DataStream<L> left, DataStream<R> right) {
    this.coGroup = new CoGroupedStreams<>(left, right, "window join");
  }

  /**
   * Keys the left input by {@code keySelector}.
   *
   * @param <K> the key type, the same for both inputs
   */
  public <K> Where<K> where(KeySelector<L, K> keySelector) {
    return new Where<>(coGroup.where(keySelector));
  }

  /**
   * A join whose left input is keyed; {@link #equalTo} keys the right one.
   *
   * @param <K> the key type
   * @since 0.1
   */
  @Public
  public final class Where<K> {
    private final CoGroupedStreams<L, R>.Where<K> where;

    Where(CoGroupedStreams<L, R>.Where<K> where) {
      this.where = where;
    }

    /**
     * Keys the right input by {@code keySelector}, whose keys must equal the left keys of the
     * records that join.
     *
     * @throws InvalidProgramException if both key selectors declare key types that cannot be equal
     */
    public EqualTo equalTo(KeySelector<R, K> keySelector) {
      return new EqualTo(where.equalTo(keySelector));
    }

    /**
     * A join whose inputs are both keyed; {@link #window} says how records are windowed.
     *
     * @since 0.1
     */
    @Public
    public final class EqualTo {
      private final CoGroupedStreams<L, R>.Where<K>.EqualTo equalTo;

      EqualTo(CoGroupedStreams<L, R>.Where<K>.EqualTo equalTo) {
        this.equalTo = equalTo;
      }

      /**
       * Windows the records of both inputs with {@code assigner}. The window operator sees the
       * records of both inputs, so the assigner, and the trigger and evictor if set, must accept
       * any record: all built-in ones do.
       */
      public <W extends Window> WithWindow<L, R, K, W> window(WindowAssigner<Object, W> assigner) {
        return new WithWindow<>(equalTo.window(assigner));
      }
    }
  }

  /**
   * A join with its keys and windows set: optionally set how windows fire, then the function with
   * {@code apply}.
   *
   * @param <L> the left input's type
   * @param <R> the right input's type
   * @param <K> the key type
   * @param <W> the type of the windows
   * @since 0.1
   */
  @Public
  public static final class WithWindow<L, R, K, W extends Window> {
    private final CoGroupedStreams.WithWindow<L, R, K, W> coGroup;

    WithWindow(CoGroupedStreams.WithWindow<L, R, K, W> coGroup) {
      this.coGroup = coGroup;
    }

    /**
     * Sets the trigger that decides when windows fire, instead of the assigner's default one.
     * Each firing joins all pairs of the window's records so far.
     *
     * @throws UnsupportedOperationException if the assigner merges windows and the trigger cannot
     */
    public WithWindow<L, R, K, W> trigger(Trigger<Object, ? super W> trigger) {
      return new WithWindow<>(coGroup.trigger(trigger));
    }

    /** Sets an evictor that removes records from a window when it fires, before or after the join. */
    public WithWindow<L, R, K, W> evictor(Evictor<Object, ? super W> evictor) {
      return new WithWindow<>(coGroup.evictor(evictor));
    }

    /**
     * Keeps event-time windows for {@code lateness} after their end, so that records up to that
     * late still join (and, with the default trigger, fire the window again: its pairs are joined
     * again). Default: zero; later records are dropped.
     *
     * @throws IllegalArgumentException if {@code lateness} is negative
     */
    public WithWindow<L, R, K, W> allowedLateness(Duration lateness) {
      return new WithWindow<>(coGroup.allowedLateness(lateness));
    }

    /**
     * Joins each pair with {@code function}, one output record per pair. The result's type is
     * derived from the function.
     */
    public <O> DataStream<O> apply(JoinFunction<L, R, O> function) {
      Objects.requireNonNull(function, "function");
      return coGroup.apply(JoinCoGroupFunction.of(function), function, "join function", "Join",
          TypeInference.output(coGroup.env(), function, JoinFunction.class, 2));
    }

    /**
     * Joins each pair with {@code function}, which emits any number of records per pair. The
     * result's type is derived from the function; a lambda's is erased, so give it with
     * {@link DataStream#returns} on the result or implement the function as a class.
     */
    public <O> DataStream<O> apply(FlatJoinFunction<L, R, O> function) {
      Objects.requireNonNull(function, "function");
      return coGroup.apply(new JoinCoGroupFunction<>(function), function, "join function", "FlatJoin",
          TypeInference.output(coGroup.env(), function, FlatJoinFunction.class, 2));
    }
  }
}
