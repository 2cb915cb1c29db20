package weir.api.graph.window;

import java.util.Objects;
import weir.api.functions.Collector;
import weir.api.functions.Function;
import weir.api.functions.RuntimeContext;
import weir.api.graph.FunctionLifecycle;
import weir.api.windowing.functions.WindowFunction;
import weir.api.windowing.windows.Window;

/**
 * Evaluates a window with a {@link WindowFunction}: the user's, or one that wraps the user's
 * function, which is then the one opened and closed.
 */
final class IterableWindowFunction<IN, OUT, KEY, W extends Window>
    implements InternalWindowFunction<Iterable<IN>, OUT, KEY, W> {
  private static final long serialVersionUID = 1L;

  private final WindowFunction<IN, OUT, KEY, W> function;
  /** The user function, opened and closed with this: {@link #function} itself or the one it wraps. */
  private final Function userFunction;

  IterableWindowFunction(WindowFunction<IN, OUT, KEY, W> function, Function userFunction) {
    this.function = Objects.requireNonNull(function, "function");
    this.userFunction = Objects.requireNonNull(userFunction, "userFunction");
  }

  @Override
  public void process(KEY key, W window, InternalWindowContext context, Iterable<IN> input, Collector<OUT> out)
      throws Exception {
    function.apply(key, window, input, out);
  }

  @Override
  public void clear(W window, InternalWindowContext context) {}

  @Override
  public void open(RuntimeContext context) throws Exception {
    FunctionLifecycle.open(userFunction, context);
  }

  @Override
  public void close() throws Exception {
    FunctionLifecycle.close(userFunction);
  }

  @Override
  public String toString() {
    return "Apply";
  }
}
