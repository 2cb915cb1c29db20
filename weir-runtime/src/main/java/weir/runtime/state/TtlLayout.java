package weir.runtime.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * How a state with time-to-live keeps its values in its {@link StateTable}, and what removing
 * the expired ones means for them:
 * <ul>
 *   <li>value, reducing and aggregating state: one {@link TtlValue} per (key, namespace), or its
 *       bytes ({@link TtlValueSerializer}) when the table is binary;</li>
 *   <li>list state: an {@code ArrayList} of {@code TtlValue}s, one per element;</li>
 *   <li>map state: a {@code HashMap} from the user's keys to {@code TtlValue}s.</li>
 * </ul>
 * Lists and maps expire per element; the entry goes when nothing is left. Used by incremental
 * cleanup, which removes in place, and by snapshots, which must leave the live values alone.
 *
 * @param <V> the type the table stores
 */
abstract class TtlLayout<V> {
  final TtlPolicy policy;

  private TtlLayout(TtlPolicy policy) {
    this.policy = policy;
  }

  static <T> TtlLayout<TtlValue<T>> value(TtlPolicy policy) {
    return new Single<>(policy);
  }

  static <T> TtlLayout<ArrayList<TtlValue<T>>> list(TtlPolicy policy) {
    return new ListLayout<>(policy);
  }

  static <K, T> TtlLayout<HashMap<K, TtlValue<T>>> map(TtlPolicy policy) {
    return new MapLayout<>(policy);
  }

  /** Whether the binary value at {@code offset} of {@code data} has expired (binary tables only). */
  final boolean isExpired(byte[] data, int offset, long now, long firstWatermark) {
    return policy.isExpired(TtlValueSerializer.lastAccess(data, offset), now, firstWatermark);
  }

  /**
   * {@code stored} without its expired parts, changing nothing: {@code stored} itself if nothing
   * expired, a smaller copy if some did, {@code null} if all did.
   */
  @Nullable
  abstract V withoutExpired(V stored, long now, long firstWatermark);

  /** Removes the expired parts of {@code stored} in place; true when nothing is left. */
  abstract boolean purge(V stored, long now);

  /** What the state's handles would show of {@code stored}, expired parts included. */
  @Nullable
  abstract Object unwrap(V stored);

  private static final class Single<T> extends TtlLayout<TtlValue<T>> {
    Single(TtlPolicy policy) {
      super(policy);
    }

    @Override
    @Nullable
    TtlValue<T> withoutExpired(TtlValue<T> stored, long now, long firstWatermark) {
      return policy.isExpired(stored.lastAccess, now, firstWatermark) ? null : stored;
    }

    @Override
    boolean purge(TtlValue<T> stored, long now) {
      return policy.isExpired(stored.lastAccess, now);
    }

    @Override
    @Nullable
    Object unwrap(TtlValue<T> stored) {
      return stored.value;
    }
  }

  private static final class ListLayout<T> extends TtlLayout<ArrayList<TtlValue<T>>> {
    ListLayout(TtlPolicy policy) {
      super(policy);
    }

    @Override
    @Nullable
    ArrayList<TtlValue<T>> withoutExpired(ArrayList<TtlValue<T>> stored, long now, long firstWatermark) {
      int live = 0;
      for (int i = 0; i < stored.size(); i++) {
        if (!policy.isExpired(stored.get(i).lastAccess, now, firstWatermark)) {
          live++;
        }
      }
      if (live == stored.size()) {
        return stored;
      }
      if (live == 0) {
        return null;
      }
      ArrayList<TtlValue<T>> copy = new ArrayList<>(live);
      for (int i = 0; i < stored.size(); i++) {
        TtlValue<T> element = stored.get(i);
        if (!policy.isExpired(element.lastAccess, now, firstWatermark)) {
          copy.add(element);
        }
      }
      return copy;
    }

    @Override
    boolean purge(ArrayList<TtlValue<T>> stored, long now) {
      return removeExpired(stored, now, policy) == 0;
    }

    @Override
    Object unwrap(ArrayList<TtlValue<T>> stored) {
      ArrayList<T> values = new ArrayList<>(stored.size());
      for (int i = 0; i < stored.size(); i++) {
        values.add(stored.get(i).value);
      }
      return values;
    }
  }

  private static final class MapLayout<K, T> extends TtlLayout<HashMap<K, TtlValue<T>>> {
    MapLayout(TtlPolicy policy) {
      super(policy);
    }

    @Override
    @Nullable
    HashMap<K, TtlValue<T>> withoutExpired(HashMap<K, TtlValue<T>> stored, long now, long firstWatermark) {
      int live = 0;
      for (TtlValue<T> v : stored.values()) {
        if (!policy.isExpired(v.lastAccess, now, firstWatermark)) {
          live++;
        }
      }
      if (live == stored.size()) {
        return stored;
      }
      if (live == 0) {
        return null;
      }
      HashMap<K, TtlValue<T>> copy = new HashMap<>();
      for (Map.Entry<K, TtlValue<T>> e : stored.entrySet()) {
        if (!policy.isExpired(e.getValue().lastAccess, now, firstWatermark)) {
          copy.put(e.getKey(), e.getValue());
        }
      }
      return copy;
    }

    @Override
    boolean purge(HashMap<K, TtlValue<T>> stored, long now) {
      return removeExpired(stored, now, policy) == 0;
    }

    @Override
    Object unwrap(HashMap<K, TtlValue<T>> stored) {
      HashMap<K, T> values = new HashMap<>();
      for (Map.Entry<K, TtlValue<T>> e : stored.entrySet()) {
        values.put(e.getKey(), e.getValue().value);
      }
      return values;
    }
  }

  /** Removes the expired elements of {@code list} in place, keeping the order; returns how many are left. */
  static <T> int removeExpired(ArrayList<TtlValue<T>> list, long now, TtlPolicy policy) {
    int kept = 0;
    int size = list.size();
    for (int i = 0; i < size; i++) {
      TtlValue<T> element = list.get(i);
      if (!policy.isExpired(element.lastAccess, now)) {
        if (kept != i) {
          list.set(kept, element);
        }
        kept++;
      }
    }
    if (kept < size) {
      list.subList(kept, size).clear();
    }
    return kept;
  }

  /** Removes the expired entries of {@code map} in place; returns how many are left. */
  static <K, T> int removeExpired(HashMap<K, TtlValue<T>> map, long now, TtlPolicy policy) {
    for (Iterator<TtlValue<T>> it = map.values().iterator(); it.hasNext(); ) {
      if (policy.isExpired(it.next().lastAccess, now)) {
        it.remove();
      }
    }
    return map.size();
  }
}
