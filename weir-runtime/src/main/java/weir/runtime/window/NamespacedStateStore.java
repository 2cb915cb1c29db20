package weir.runtime.window;

import weir.api.state.AggregatingState;
import weir.api.state.AggregatingStateDescriptor;
import weir.api.state.KeyedStateStore;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.state.State;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.InternalKvState;

/**
 * Keyed state scoped to one namespace that the operator moves: the state of the window being
 * evaluated (per-window state, trigger state), or the void namespace (global state). Every
 * access sets the namespace on the returned state, since states are shared by all namespaces.
 *
 * <p>Owned by the subtask's thread.
 */
final class NamespacedStateStore<N> implements KeyedStateStore {
  private final HeapKeyedStateBackend backend;
  private N namespace;

  NamespacedStateStore(HeapKeyedStateBackend backend, N namespace) {
    this.backend = backend;
    this.namespace = namespace;
  }

  void setNamespace(N namespace) {
    this.namespace = namespace;
  }

  N namespace() {
    return namespace;
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return scoped(backend.getState(descriptor));
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return scoped(backend.getListState(descriptor));
  }

  @Override
  public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
    return scoped(backend.getMapState(descriptor));
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return scoped(backend.getReducingState(descriptor));
  }

  @Override
  public <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> descriptor) {
    return scoped(backend.getAggregatingState(descriptor));
  }

  @SuppressWarnings("unchecked")
  private <S extends State> S scoped(S state) {
    ((InternalKvState<N>) state).setCurrentNamespace(namespace);
    return state;
  }
}
