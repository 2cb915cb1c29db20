package weir.runtime.window;

import java.util.Collection;
import weir.api.functions.Collector;
import weir.api.graph.window.InternalWindowFunction;
import weir.api.graph.window.InternalWindowFunction.InternalWindowContext;
import weir.api.state.AppendingState;
import weir.api.windowing.windows.Window;
import weir.runtime.state.InternalMergingState;

/**
 * Window contents in one appending state: a list of the elements, a reducing state or an
 * aggregating state. The window function gets what the state reads: the list, the reduced value
 * or the aggregate's result.
 *
 * @param <ACC> what the state reads and the function gets
 */
final class AppendingWindowContents<K, T, ACC, OUT, W extends Window> implements WindowContentsStore<K, T, OUT, W> {
  private final AppendingState<T, ACC> state;
  private final InternalMergingState<W> namespaces;
  private final InternalWindowFunction<ACC, OUT, K, W> function;

  /** @param state a heap state, which is also an {@link InternalMergingState} */
  @SuppressWarnings("unchecked")
  AppendingWindowContents(AppendingState<T, ACC> state, InternalWindowFunction<ACC, OUT, K, W> function) {
    this.state = state;
    this.namespaces = (InternalMergingState<W>) state;
    this.function = function;
  }

  @Override
  public void setWindow(W stateWindow) {
    namespaces.setCurrentNamespace(stateWindow);
  }

  @Override
  public void add(T record, long timestamp) {
    state.add(record);
  }

  @Override
  public boolean emit(K key, W window, InternalWindowContext context, Collector<OUT> out) throws Exception {
    ACC contents = state.get();
    // a list state reads an empty list, not null, when it holds nothing
    if (contents == null || contents instanceof Collection<?> elements && elements.isEmpty()) {
      return false;
    }
    function.process(key, window, context, contents, out);
    return true;
  }

  @Override
  public void clear() {
    state.clear();
  }

  @Override
  public void merge(W target, Collection<W> sources) throws Exception {
    namespaces.mergeNamespaces(target, sources);
  }
}
