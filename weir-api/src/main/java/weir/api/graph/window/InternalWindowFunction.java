package weir.api.graph.window;

import weir.api.annotation.Internal;
import weir.api.datastream.OutputTag;
import weir.api.functions.AggregateFunction;
import weir.api.functions.Collector;
import weir.api.functions.Function;
import weir.api.functions.ReduceFunction;
import weir.api.functions.RichFunction;
import weir.api.state.KeyedStateStore;
import weir.api.windowing.functions.AllWindowFunction;
import weir.api.windowing.functions.ProcessAllWindowFunction;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.functions.WindowFunction;
import weir.api.windowing.windows.Window;

/**
 * The one shape in which a window operator calls the function that evaluates a window, whatever
 * the user wrote: a process or apply function, keyed or not, after a reduce or aggregate or on all
 * elements, or nothing (the reduced value passes through). {@code IN} is what the window's
 * {@link WindowContents} hold when it fires: an {@code Iterable} of the elements, or the one
 * reduced or aggregated value.
 *
 * <p>A rich function: {@link #open} and {@link #close} reach the user functions inside.
 *
 * @param <IN> what the window contents give: {@code Iterable<T>} or a single value
 * @param <OUT> the type of the emitted records
 * @param <KEY> the type of the key (a constant for non-keyed windows)
 * @param <W> the type of the windows
 */
@Internal
public interface InternalWindowFunction<IN, OUT, KEY, W extends Window> extends RichFunction {
  /** Evaluates the window {@code window} of {@code key}, whose contents are {@code input}. */
  void process(KEY key, W window, InternalWindowContext context, IN input, Collector<OUT> out) throws Exception;

  /** Lets the user function delete its per-window state of {@code window}, which is being discarded. */
  void clear(W window, InternalWindowContext context) throws Exception;

  /**
   * What the window operator provides while it evaluates or clears a window; it backs the
   * contexts of process window functions. Valid only during the call it was passed to.
   */
  interface InternalWindowContext {
    /** The current processing time in milliseconds since the epoch. */
    long currentProcessingTime();

    /** The current event-time watermark. */
    long currentWatermark();

    /** State of the current key and window. */
    KeyedStateStore windowState();

    /** State of the current key. */
    KeyedStateStore globalState();

    /** Emits a record to a side output. */
    <X> void output(OutputTag<X> tag, X value);
  }

  /** Emits the single value of the window contents as it is. */
  static <T, KEY, W extends Window> InternalWindowFunction<T, T, KEY, W> passThrough() {
    return new PassThroughWindowFunction<>();
  }

  /** Hands a single value to {@code function} as an {@code Iterable} of one element. */
  static <T, OUT, KEY, W extends Window> InternalWindowFunction<T, OUT, KEY, W> singleValue(
      InternalWindowFunction<Iterable<T>, OUT, KEY, W> function) {
    return new SingleValueWindowFunction<>(function);
  }

  /** Reduces the elements with {@code reducer}, then hands the result (if any) to {@code then}. */
  static <T, OUT, KEY, W extends Window> InternalWindowFunction<Iterable<T>, OUT, KEY, W> reduceThen(
      ReduceFunction<T> reducer, InternalWindowFunction<T, OUT, KEY, W> then) {
    return new ReduceApplyWindowFunction<>(reducer, then);
  }

  /** Aggregates the elements with {@code aggregator}, then hands the result to {@code then}. */
  static <T, A, R, OUT, KEY, W extends Window> InternalWindowFunction<Iterable<T>, OUT, KEY, W> aggregateThen(
      AggregateFunction<T, A, R> aggregator, InternalWindowFunction<R, OUT, KEY, W> then) {
    return new AggregateApplyWindowFunction<>(aggregator, then);
  }

  /** Calls {@code function} with the key, the window and the elements. */
  static <IN, OUT, KEY, W extends Window> InternalWindowFunction<Iterable<IN>, OUT, KEY, W> of(
      WindowFunction<IN, OUT, KEY, W> function) {
    return new IterableWindowFunction<>(function, function);
  }

  /**
   * Calls {@code function} with the key, the window and the elements, and opens and closes
   * {@code userFunction}, the user's function that {@code function} wraps.
   */
  static <IN, OUT, KEY, W extends Window> InternalWindowFunction<Iterable<IN>, OUT, KEY, W> of(
      WindowFunction<IN, OUT, KEY, W> function, Function userFunction) {
    return new IterableWindowFunction<>(function, userFunction);
  }

  /** Calls {@code function} with the key, a context of the window, and the elements. */
  static <IN, OUT, KEY, W extends Window> InternalWindowFunction<Iterable<IN>, OUT, KEY, W> of(
      ProcessWindowFunction<IN, OUT, KEY, W> function) {
    return new IterableProcessWindowFunction<>(function);
  }

  /** Calls {@code function} with the window and the elements; the key is ignored. */
  static <IN, OUT, KEY, W extends Window> InternalWindowFunction<Iterable<IN>, OUT, KEY, W> ofAll(
      AllWindowFunction<IN, OUT, W> function) {
    return new IterableAllWindowFunction<>(function);
  }

  /** Calls {@code function} with a context of the window and the elements; the key is ignored. */
  static <IN, OUT, KEY, W extends Window> InternalWindowFunction<Iterable<IN>, OUT, KEY, W> ofAll(
      ProcessAllWindowFunction<IN, OUT, W> function) {
    return new IterableProcessAllWindowFunction<>(function);
  }
}
