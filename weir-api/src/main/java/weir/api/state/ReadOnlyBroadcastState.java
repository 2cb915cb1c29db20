package weir.api.state;

import java.util.Map;
import javax.annotation.Nullable;
import weir.api.annotation.Public;

/**
 * Read access to a broadcast state: what the non-broadcast side of a broadcast process function
 * sees. All subtasks see the same content, as long as the broadcast side changes it the same
 * way on every subtask.
 *
 * @param <K> the map's key type
 * @param <V> the map's value type
 * @since 0.1
 */
@Public
public interface ReadOnlyBroadcastState<K, V> {
  /** The value mapped to {@code key}, or {@code null}. */
  @Nullable
  V get(K key) throws Exception;

  /** Whether {@code key} is mapped. */
  boolean contains(K key) throws Exception;

  /**
   * The entries, as an unmodifiable view; {@code setValue} on an entry throws. The values are
   * the stored objects: do not change them.
   */
  Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
