package weir.api.graph.window;

import java.util.Objects;
import weir.api.functions.Collector;
import weir.api.functions.RuntimeContext;
import weir.api.graph.FunctionLifecycle;
import weir.api.windowing.functions.AllWindowFunction;
import weir.api.windowing.windows.Window;

/** Evaluates a window of a non-keyed stream with a user {@link AllWindowFunction}. */
final class IterableAllWindowFunction<IN, OUT, KEY, W extends Window>
    implements InternalWindowFunction<Iterable<IN>, OUT, KEY, W> {
  private static final long serialVersionUID = 1L;

  private final AllWindowFunction<IN, OUT, W> function;

  IterableAllWindowFunction(AllWindowFunction<IN, OUT, W> function) {
    this.function = Objects.requireNonNull(function, "function");
  }

  @Override
  public void process(KEY key, W window, InternalWindowContext context, Iterable<IN> input, Collector<OUT> out)
      throws Exception {
    function.apply(window, input, out);
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
