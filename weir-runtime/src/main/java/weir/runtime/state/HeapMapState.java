package weir.runtime.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import weir.api.state.MapState;

/** {@link MapState} on the heap: a {@link HashMap} per key. */
final class HeapMapState<N, UK, UV> extends HeapState<N, HashMap<UK, UV>> implements MapState<UK, UV> {
  HeapMapState(HeapKeyedStateBackend backend, StateTable<N, HashMap<UK, UV>> table) {
    super(backend, table, null);
  }

  @Override
  public UV get(UK key) {
    HashMap<UK, UV> map = current();
    return map == null ? null : map.get(key);
  }

  @Override
  public void put(UK key, UV value) {
    mapForWrite().put(key, value);
  }

  @Override
  public void putAll(Map<UK, UV> map) {
    if (!map.isEmpty()) {
      mapForWrite().putAll(map);
    }
  }

  @Override
  public void remove(UK key) {
    HashMap<UK, UV> map = current();
    if (map != null) {
      map.remove(key);
      if (map.isEmpty()) {
        clear();
      }
    }
  }

  @Override
  public boolean contains(UK key) {
    HashMap<UK, UV> map = current();
    return map != null && map.containsKey(key);
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() {
    return view().entrySet();
  }

  @Override
  public Iterable<UK> keys() {
    return view().keySet();
  }

  @Override
  public Iterable<UV> values() {
    return view().values();
  }

  @Override
  public boolean isEmpty() {
    HashMap<UK, UV> map = current();
    return map == null || map.isEmpty();
  }

  private Map<UK, UV> view() {
    HashMap<UK, UV> map = current();
    return map == null ? Collections.emptyMap() : Collections.unmodifiableMap(map);
  }

  private HashMap<UK, UV> mapForWrite() {
    HashMap<UK, UV> map = current();
    if (map == null) {
      map = new HashMap<>();
      setCurrent(map);
    }
    return map;
  }
}
