package weir.api.windowing.functions;

import weir.api.annotation.Public;
import weir.api.functions.Collector;
import weir.api.functions.Function;
import weir.api.windowing.windows.Window;

/**
 * Evaluates a window of a keyed stream: gets the key, the window and its elements (or, after an
 * incremental reduce or aggregate, the one result), and emits any number of records.
 * {@link ProcessWindowFunction} offers the same plus state, time and side outputs.
 *
 * @param <IN> the type of the window's elements
 * @param <OUT> the type of the emitted records
 * @param <KEY> the type of the key
 * @param <W> the type of the windows
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {
  /**
   * Evaluates one window.
   *
   * @param key    the key of the window
   * @param window the window
   * @param input  the window's elements
   * @param out    receives the results
   */
  void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
