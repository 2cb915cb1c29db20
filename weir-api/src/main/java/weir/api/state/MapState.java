package weir.api.state;

import java.util.Map;
import javax.annotation.Nullable;
import weir.api.annotation.Public;

/**
 * A map per key. Iteration views reflect the map of the current key at the time of the call and
 * must not be kept across records.
 *
 * @param <UK> the map's key type
 * @param <UV> the map's value type
 * @since 0.1
 */
@Public
public interface MapState<UK, UV> extends State {
  /** The value mapped to {@code key}, or {@code null}. */
  @Nullable
  UV get(UK key);

  /** Maps {@code key} to {@code value}. */
  void put(UK key, UV value);

  /** Puts all entries of {@code map}. */
  void putAll(Map<UK, UV> map);

  /** Removes the mapping of {@code key}. */
  void remove(UK key);

  /** Whether {@code key} is mapped. */
  boolean contains(UK key);

  /** The entries of the current key's map. */
  Iterable<Map.Entry<UK, UV>> entries();

  /** The keys of the current key's map. */
  Iterable<UK> keys();

  /** The values of the current key's map. */
  Iterable<UV> values();

  /** Whether the current key's map is empty. */
  boolean isEmpty();
}
