package weir.api.windowing.functions;

import weir.api.annotation.Public;
import weir.api.functions.Collector;
import weir.api.functions.Function;
import weir.api.windowing.windows.Window;

/**
 * Evaluates a window of a non-keyed stream ({@code windowAll}): gets the window and its elements
 * (or, after an incremental reduce or aggregate, the one result), and emits any number of
 * records. {@link ProcessAllWindowFunction} offers the same plus state and side outputs.
 *
 * @param <IN> the type of the window's elements
 * @param <OUT> the type of the emitted records
 * @param <W> the type of the windows
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {
  /**
   * Evaluates one window.
   *
   * @param window the window
   * @param values the window's elements
   * @param out    receives the results
   */
  void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
