package weir.runtime.window;

import java.util.IdentityHashMap;
import javax.annotation.Nullable;
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
import weir.api.state.StateDescriptor;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.InternalKvState;

/**
 * Keyed state of the backend's current key, scoped to one namespace that the owner sets: a window
 * for trigger state and per-window function state, the void namespace for global state. As in
 * Flink, a state handle is shared by all namespaces and scoped when it is handed out, so a handle
 * is only valid until the next call of a getter of another store.
 *
 * <p>Owned by the subtask's thread.
 */
final class WindowStateStore implements KeyedStateStore {
  // caches the backend's handles by descriptor object: triggers ask for their state per record,
  // and an identity lookup is cheaper than the backend's lookup by name; bounded, because a
  // function may make a new descriptor per call
  private static final int MAX_CACHED = 16;

  private final HeapKeyedStateBackend backend;
  @Nullable private final String refusal;
  private final IdentityHashMap<StateDescriptor<?>, State> handles = new IdentityHashMap<>();
  private Object namespace;

  /**
   * @param namespace the namespace until {@link #setNamespace} changes it
   * @param refusal when not {@code null}, every getter fails with this message (per-window state
   *     of merging windows, which Flink does not support either)
   */
  WindowStateStore(HeapKeyedStateBackend backend, Object namespace, @Nullable String refusal) {
    this.backend = backend;
    this.namespace = namespace;
    this.refusal = refusal;
  }

  /** Scopes the handles handed out from now on to {@code namespace}. */
  void setNamespace(Object namespace) {
    this.namespace = namespace;
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    ValueState<T> state = cached(descriptor);
    return scoped(state != null ? state : cache(descriptor, backend.getState(descriptor)));
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    ListState<T> state = cached(descriptor);
    return scoped(state != null ? state : cache(descriptor, backend.getListState(descriptor)));
  }

  @Override
  public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
    MapState<K, V> state = cached(descriptor);
    return scoped(state != null ? state : cache(descriptor, backend.getMapState(descriptor)));
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    ReducingState<T> state = cached(descriptor);
    return scoped(state != null ? state : cache(descriptor, backend.getReducingState(descriptor)));
  }

  @Override
  public <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> descriptor) {
    AggregatingState<I, O> state = cached(descriptor);
    return scoped(state != null ? state : cache(descriptor, backend.getAggregatingState(descriptor)));
  }

  /** The backend's handle of {@code descriptor} (of any kind that merges), not yet scoped. */
  State mergingHandle(StateDescriptor<?> descriptor) {
    State state = handles.get(descriptor);
    if (state != null) {
      return state;
    }
    if (descriptor instanceof ReducingStateDescriptor<?> reducing) {
      return cache(descriptor, backend.getReducingState(reducing));
    } else if (descriptor instanceof AggregatingStateDescriptor<?, ?, ?> aggregating) {
      return cache(descriptor, backend.getAggregatingState(aggregating));
    } else if (descriptor instanceof ListStateDescriptor<?> list) {
      return cache(descriptor, backend.getListState(list));
    }
    throw new UnsupportedOperationException("State '" + descriptor.getName() + "' (" + descriptor
        + ") cannot be merged: only list, reducing and aggregating state can");
  }

  @SuppressWarnings("unchecked")
  @Nullable
  private <S extends State> S cached(StateDescriptor<?> descriptor) {
    if (refusal != null) {
      throw new UnsupportedOperationException(refusal);
    }
    return (S) handles.get(descriptor);
  }

  private <S extends State> S cache(StateDescriptor<?> descriptor, S state) {
    if (handles.size() < MAX_CACHED) {
      handles.put(descriptor, state);
    }
    return state;
  }

  @SuppressWarnings("unchecked")
  private <S extends State> S scoped(S state) {
    ((InternalKvState<Object>) state).setCurrentNamespace(namespace);
    return state;
  }
}
