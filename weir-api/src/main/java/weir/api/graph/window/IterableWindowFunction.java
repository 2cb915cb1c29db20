package weir.api.graph.window;

import java.util.Objects;
import weir.api.functions.Collector;
import weir.api.functions.RuntimeContext;
import weir.api.graph.FunctionLifecycle;
import weir.api.windowing.functions.WindowFunction;
import weir.api.windowing.windows.Window;

/** Evaluates a window with a user {@link WindowFunction}. */
final class IterableWindowFunction<IN, OUT, KEY, W extends Window>
    implements InternalWindowFunction<Iterable<IN>, OUT, KEY, W> {
  private static final long serialVersionUID = 1L;

  private final WindowFunction<IN, OUT, KEY, W> function;

  IterableWindowFunction(WindowFunction<IN, OUT, KEY, W> function) {
    this.function = Objects.requireNonNull(function, "function");
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
    FunctionLifecycle.open(function, context);
  }

  @Override
  public void close() throws Exception {
    FunctionLifecycle.close(function);
  }

  @Override
  public String toString() {
    return "Apply";
  }
}
