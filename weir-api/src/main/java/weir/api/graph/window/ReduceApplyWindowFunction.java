package weir.api.graph.window;

import java.util.Objects;
import weir.api.functions.Collector;
import weir.api.functions.ReduceFunction;
import weir.api.functions.RuntimeContext;
import weir.api.graph.FunctionLifecycle;
import weir.api.windowing.windows.Window;

/**
 * Reduces all elements of a window when it fires, then evaluates the result: the form a reduce
 * takes on an evicting window, whose elements are kept until the evictor has seen them.
 */
final class ReduceApplyWindowFunction<T, OUT, KEY, W extends Window>
    implements InternalWindowFunction<Iterable<T>, OUT, KEY, W> {
  private static final long serialVersionUID = 1L;

  private final ReduceFunction<T> reducer;
  private final InternalWindowFunction<T, OUT, KEY, W> then;

  ReduceApplyWindowFunction(ReduceFunction<T> reducer, InternalWindowFunction<T, OUT, KEY, W> then) {
    this.reducer = Objects.requireNonNull(reducer, "reducer");
    this.then = Objects.requireNonNull(then, "then");
  }

  @Override
  public void process(KEY key, W window, InternalWindowContext context, Iterable<T> input, Collector<OUT> out)
      throws Exception {
    T result = null;
    for (T value : input) {
      result = result == null ? value : reducer.reduce(result, value);
    }
    if (result != null) {
      then.process(key, window, context, result, out);
    }
  }

  @Override
  public void clear(W window, InternalWindowContext context) throws Exception {
    then.clear(window, context);
  }

  @Override
  public void open(RuntimeContext context) throws Exception {
    FunctionLifecycle.open(reducer, context);
    then.open(context);
  }

  @Override
  public void close() throws Exception {
    try {
      FunctionLifecycle.close(reducer);
    } finally {
      then.close();
    }
  }

  @Override
  public String toString() {
    return "Reduce, " + then;
  }
}
