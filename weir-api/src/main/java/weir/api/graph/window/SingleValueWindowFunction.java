package weir.api.graph.window;

import java.util.Collections;
import java.util.Objects;
import weir.api.functions.Collector;
import weir.api.functions.RuntimeContext;
import weir.api.windowing.windows.Window;

/** Hands the reduced or aggregated value of a window to a function of all elements, as one element. */
final class SingleValueWindowFunction<T, OUT, KEY, W extends Window> implements InternalWindowFunction<T, OUT, KEY, W> {
  private static final long serialVersionUID = 1L;

  private final InternalWindowFunction<Iterable<T>, OUT, KEY, W> function;

  SingleValueWindowFunction(InternalWindowFunction<Iterable<T>, OUT, KEY, W> function) {
    this.function = Objects.requireNonNull(function, "function");
  }

  @Override
  public void process(KEY key, W window, InternalWindowContext context, T input, Collector<OUT> out) throws Exception {
    function.process(key, window, context, Collections.singletonList(input), out);
  }

  @Override
  public void clear(W window, InternalWindowContext context) throws Exception {
    function.clear(window, context);
  }

  @Override
  public void open(RuntimeContext context) throws Exception {
    function.open(context);
  }

  @Override
  public void close() throws Exception {
    function.close();
  }

  @Override
  public String toString() {
    return function.toString();
  }
}
