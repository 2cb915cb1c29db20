package weir.runtime.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import javax.annotation.Nullable;
import weir.api.state.MapState;

/**
 * {@link MapState} with time-to-live per entry: each map value keeps the time it was put (and,
 * with {@code OnReadAndWrite}, last read). An entry found expired is removed; iteration views
 * are copies of the entries visible at the time of the call.
 */
final class TtlMapState<N, UK, UV> extends TtlState<N, HashMap<UK, TtlValue<UV>>> implements MapState<UK, UV> {
  TtlMapState(HeapValueState<N, HashMap<UK, TtlValue<UV>>> stored, TtlPolicy policy,
      @Nullable TtlIncrementalCleanup<HashMap<UK, TtlValue<UV>>> cleanup) {
    super(stored, policy, cleanup);
  }

  @Override
  @Nullable
  public UV get(UK key) {
    long now = now();
    TtlValue<UV> v = find(key, now);
    accessed(now);
    return v == null ? null : v.value;
  }

  @Override
  public void put(UK key, UV value) {
    long now = now();
    mapForWrite().put(key, new TtlValue<>(value, now));
    accessed(now);
  }

  @Override
  public void putAll(Map<UK, UV> map) {
    long now = now();
    if (!map.isEmpty()) {
      HashMap<UK, TtlValue<UV>> target = mapForWrite();
      for (Map.Entry<UK, UV> e : map.entrySet()) {
        target.put(e.getKey(), new TtlValue<>(e.getValue(), now));
      }
    }
    accessed(now);
  }

  @Override
  public void remove(UK key) {
    long now = now();
    HashMap<UK, TtlValue<UV>> map = stored.current();
    if (map != null) {
      map.remove(key);
      if (map.isEmpty()) {
        stored.clear();
      }
    }
    accessed(now);
  }

  @Override
  public boolean contains(UK key) {
    long now = now();
    boolean found = find(key, now) != null;
    accessed(now);
    return found;
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() {
    return visibleNow().entrySet();
  }

  @Override
  public Iterable<UK> keys() {
    return visibleNow().keySet();
  }

  @Override
  public Iterable<UV> values() {
    return visibleNow().values();
  }

  @Override
  public boolean isEmpty() {
    return visibleNow().isEmpty();
  }

  private Map<UK, UV> visibleNow() {
    long now = now();
    Map<UK, UV> visible = visible(now);
    accessed(now);
    return visible;
  }

  /**
   * The mapping of {@code key} as a read sees it: {@code null} if none; if expired, removed and
   * returned only with {@code ReturnExpiredIfNotCleanedUp}; otherwise its life extended with
   * {@code OnReadAndWrite}.
   */
  @Nullable
  private TtlValue<UV> find(UK key, long now) {
    HashMap<UK, TtlValue<UV>> map = stored.current();
    TtlValue<UV> v = map == null ? null : map.get(key);
    if (v == null) {
      return null;
    }
    if (policy.isExpired(v.lastAccess, now)) {
      map.remove(key);
      if (map.isEmpty()) {
        stored.clear();
      }
      return policy.returnExpired ? v : null;
    }
    if (policy.updateOnRead) {
      v.lastAccess = now;
    }
    return v;
  }

  /** A read-only copy of the entries a read sees now; removes the expired ones from the state. */
  private Map<UK, UV> visible(long now) {
    HashMap<UK, TtlValue<UV>> map = stored.current();
    if (map == null) {
      return Collections.emptyMap();
    }
    HashMap<UK, UV> visible = new HashMap<>();
    boolean anyExpired = false;
    for (Map.Entry<UK, TtlValue<UV>> e : map.entrySet()) {
      TtlValue<UV> v = e.getValue();
      if (policy.isExpired(v.lastAccess, now)) {
        anyExpired = true;
        if (policy.returnExpired) {
          visible.put(e.getKey(), v.value);
        }
      } else {
        if (policy.updateOnRead) {
          v.lastAccess = now;
        }
        visible.put(e.getKey(), v.value);
      }
    }
    if (anyExpired && TtlLayout.removeExpired(map, now, policy) == 0) {
      stored.clear();
    }
    return Collections.unmodifiableMap(visible);
  }

  private HashMap<UK, TtlValue<UV>> mapForWrite() {
    HashMap<UK, TtlValue<UV>> map = stored.current();
    if (map == null) {
      map = new HashMap<>();
      stored.setCurrent(map);
    }
    return map;
  }
}
