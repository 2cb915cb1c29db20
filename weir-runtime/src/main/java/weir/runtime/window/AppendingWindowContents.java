package weir.runtime.window;

import java.util.Collection;
import weir.api.functions.Collector;
import weir.api.graph.window.InternalWindowFunction;
import weir.api.graph.window.InternalWindowFunction.InternalWindowContext;
import weir.api.state.AppendingState;
import weir.api.windowing.windows.Window;

/**
 * Window contents in one appending state: a list of the elements, a reducing state or an
 * aggregating state. The window function gets what the state reads: the list, the reduced value
 * or the aggregate's result.
 *
 * @param <ACC> what the state reads and the function gets
 */
final class AppendingWindowContents<K, T, ACC, OUT, W extends Window> extends WindowContentsStore<K, T, OUT, W> {
  private final AppendingState<T, ACC> state;
  private final InternalWindowFunction<ACC, OUT, K, W> function;

  /** @param state a heap state */
  AppendingWindowContents(AppendingState<T, ACC> state, InternalWindowFunction<ACC, OUT, K, W> function) {
    super(state);
    this.state = state;
    this.function = function;
  }

  @Override
  void add(T record, long timestamp) {
    state.add(record);
  }

  @Override
  boolean emit(K key, W window, InternalWindowContext context, Collector<OUT> out) throws Exception {
    ACC contents = state.get();
    // a list state reads an empty list, not null, when it holds nothing
    if (contents == null || contents instanceof Collection<?> elements && elements.isEmpty()) {
      return false;
    }
    function.process(key, window, context, contents, out);
    return true;
  }
}
