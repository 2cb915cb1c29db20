package weir.api.functions;

import weir.api.annotation.Public;
import weir.api.state.AggregatingState;
import weir.api.state.AggregatingStateDescriptor;
import weir.api.state.KeyedStateFunction;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;

/**
 * Processes a keyed stream connected with a broadcast stream ({@code
 * keyed.connect(rules.broadcast(descriptor)).process(function)}): the keyed side has keyed state
 * and timers like a {@link KeyedProcessFunction} and reads the broadcast state; the broadcast
 * side, which every subtask sees, writes the broadcast state and reaches the keyed state of all
 * keys through {@link Context#applyToKeyedState}.
 *
 * <h3>Keys</h3>
 * In {@link #processElement} and {@link #onTimer} keyed state and timers refer to the current
 * key. In {@link #processBroadcastElement} there is no current key: keyed state obtained from
 * the runtime context and timers throw there; use {@code applyToKeyedState}.
 *
 * <h3>Order, consistency and checkpoints</h3>
 * As for {@link BroadcastProcessFunction}: the methods never run concurrently; the two inputs
 * interleave in no fixed order; every subtask receives the broadcast records in the same order
 * and must change its broadcast state only as a function of them. Broadcast state, keyed state
 * and timers are part of checkpoints; on restore at another parallelism keyed state follows its
 * keys and every subtask gets a copy of the broadcast state.
 *
 * @param <KS> the key type of the keyed input
 * @param <IN1> the type of the keyed input
 * @param <IN2> the type of the broadcast input
 * @param <OUT> the output type
 * @since 0.1
 */
@Public
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
  private static final long serialVersionUID = 1L;

  /**
   * Handles a record of the keyed input, its key current: keyed state and timers are the key's,
   * the broadcast states read-only.
   */
  public abstract void processElement(IN1 value, ReadOnlyContext<KS> ctx, Collector<OUT> out) throws Exception;

  /** Handles a record of the broadcast input, which every subtask receives; no key is current. */
  public abstract void processBroadcastElement(IN2 value, Context<KS> ctx, Collector<OUT> out) throws Exception;

  /**
   * Called when a timer set through {@link ReadOnlyContext#timerService()} fires, with the
   * timer's key current; the broadcast states are read-only. What it emits carries the timer's
   * time as its timestamp when the timer is an event-time one.
   *
   * @param timestamp the time the timer was set for
   */
  public void onTimer(long timestamp, OnTimerContext<KS> ctx, Collector<OUT> out) throws Exception {}

  /**
   * The context of the broadcast side: writable broadcast states, and the keyed state of every
   * key of this subtask.
   */
  public interface Context<KS> extends BaseBroadcastProcessFunction.Context {
    /**
     * Applies {@code function} to the value state of {@code descriptor} of every key of this
     * subtask that has a value, each time with that key current. The function may update or
     * clear the state; keys it adds state for are not visited.
     */
    <T> void applyToKeyedState(ValueStateDescriptor<T> descriptor, KeyedStateFunction<KS, ValueState<T>> function)
        throws Exception;

    /** Like {@link #applyToKeyedState(ValueStateDescriptor, KeyedStateFunction)} for list state. */
    <T> void applyToKeyedState(ListStateDescriptor<T> descriptor, KeyedStateFunction<KS, ListState<T>> function)
        throws Exception;

    /** Like {@link #applyToKeyedState(ValueStateDescriptor, KeyedStateFunction)} for map state. */
    <K, V> void applyToKeyedState(MapStateDescriptor<K, V> descriptor,
        KeyedStateFunction<KS, MapState<K, V>> function) throws Exception;

    /** Like {@link #applyToKeyedState(ValueStateDescriptor, KeyedStateFunction)} for reducing state. */
    <T> void applyToKeyedState(ReducingStateDescriptor<T> descriptor,
        KeyedStateFunction<KS, ReducingState<T>> function) throws Exception;

    /** Like {@link #applyToKeyedState(ValueStateDescriptor, KeyedStateFunction)} for aggregating state. */
    <I, A, O> void applyToKeyedState(AggregatingStateDescriptor<I, A, O> descriptor,
        KeyedStateFunction<KS, AggregatingState<I, O>> function) throws Exception;
  }

  /** The context of the keyed side: the current key, timers, read-only broadcast states. */
  public interface ReadOnlyContext<KS> extends BaseBroadcastProcessFunction.ReadOnlyContext {
    /** Time and timers of the current key. */
    TimerService timerService();

    /** The key of the record being processed, or of the timer firing. */
    KS getCurrentKey();
  }

  /** The context of {@link #onTimer}: also says which clock the timer was set on. */
  public interface OnTimerContext<KS> extends ReadOnlyContext<KS> {
    /** The clock of the firing timer. */
    TimeDomain timeDomain();
  }
}
