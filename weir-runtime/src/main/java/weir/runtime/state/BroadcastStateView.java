package weir.runtime.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import javax.annotation.Nullable;
import weir.api.state.ReadOnlyBroadcastState;

/**
 * Reads the map of a broadcast state: the read-only view that the non-broadcast side of a
 * broadcast process function gets, and the reading half of {@link HeapBroadcastState}. A view
 * made on its own is not a {@code BroadcastState}, so it cannot be cast into one.
 */
class BroadcastStateView<K, V> implements ReadOnlyBroadcastState<K, V> {
  protected final HashMap<K, V> map;
  private final Iterable<Map.Entry<K, V>> immutableEntries;

  BroadcastStateView(HashMap<K, V> map) {
    this.map = map;
    this.immutableEntries = Collections.unmodifiableMap(map).entrySet();
  }

  @Override
  @Nullable
  public V get(K key) {
    return map.get(key);
  }

  @Override
  public boolean contains(K key) {
    return map.containsKey(key);
  }

  @Override
  public Iterable<Map.Entry<K, V>> immutableEntries() {
    return immutableEntries;
  }
}
