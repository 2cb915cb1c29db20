package weir.runtime.state;

import javax.annotation.Nullable;
import weir.api.state.State;

/**
 * Base of heap states: finds the entry of the backend's current key and the state's current
 * namespace, remembering it so that a read and a write of the same key in one call cost one
 * lookup.
 *
 * <p>Owned by the subtask's thread.
 */
abstract class HeapState<N, V> implements State {
  private final HeapKeyedStateBackend backend;
  private final StateTable<N, V> table;
  private N namespace;
  @Nullable private Object cachedKey;
  @Nullable private StateMap.Entry<Object, N, V> cachedEntry;

  @SuppressWarnings("unchecked")
  HeapState(HeapKeyedStateBackend backend, StateTable<N, V> table) {
    this.backend = backend;
    this.table = table;
    this.namespace = (N) VoidNamespace.INSTANCE;
  }

  /** Scopes the state to {@code namespace} (windows use this); all state starts in the void one. */
  public void setCurrentNamespace(N namespace) {
    this.namespace = namespace;
    this.cachedKey = null;
  }

  /** The current value, or {@code null}. */
  @Nullable
  final V current() {
    StateMap.Entry<Object, N, V> e = entry();
    return e == null ? null : e.value;
  }

  /** Sets the current value; {@code null} removes it. */
  final void setCurrent(@Nullable V value) {
    if (value == null) {
      clear();
      return;
    }
    StateMap.Entry<Object, N, V> e = entry();
    if (e != null) {
      e.value = value;
    } else {
      Object key = backend.currentKey();
      cachedEntry = map().put(key, namespace, value);
      cachedKey = key;
    }
  }

  @Nullable
  private StateMap.Entry<Object, N, V> entry() {
    Object key = backend.currentKey();
    if (key == cachedKey && cachedEntry != null) {
      return cachedEntry;
    }
    StateMap.Entry<Object, N, V> e = map().getEntry(key, namespace);
    cachedKey = e == null ? null : key;
    cachedEntry = e;
    return e;
  }

  private StateMap<Object, N, V> map() {
    return table.map(backend.currentKeyGroupIndex());
  }

  @Override
  public void clear() {
    map().remove(backend.currentKey(), namespace);
    cachedKey = null;
    cachedEntry = null;
  }
}
