package weir.api.graph.window;

import weir.api.functions.Collector;
import weir.api.windowing.windows.Window;

/** Emits the reduced or aggregated value of a window as it is. */
final class PassThroughWindowFunction<T, KEY, W extends Window> implements InternalWindowFunction<T, T, KEY, W> {
  private static final long serialVersionUID = 1L;

  @Override
  public void process(KEY key, W window, InternalWindowContext context, T input, Collector<T> out) {
    out.collect(input);
  }

  @Override
  public void clear(W window, InternalWindowContext context) {}

  @Override
  public String toString() {
    return "PassThrough";
  }
}
