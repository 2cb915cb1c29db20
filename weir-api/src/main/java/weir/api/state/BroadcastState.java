package weir.api.state;

import java.util.Iterator;
import java.util.Map;
import weir.api.annotation.Public;

/**
 * A map that every subtask of an operator holds its own copy of, written by the broadcast side
 * of a broadcast process function ({@code processBroadcastElement}), which sees the same records
 * in the same order on every subtask. Keep the updates deterministic (a function of the
 * broadcast records only), so that the copies stay equal: on restore at another parallelism a
 * subtask gets the copy of another one.
 *
 * <p>Keys and values must not be {@code null}. Values are kept by reference, and checkpoints
 * serialize them with the serializers of the descriptor's key and value types.
 *
 * @param <K> the map's key type
 * @param <V> the map's value type
 * @since 0.1
 */
@Public
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V>, State {
  /** Maps {@code key} to {@code value}. */
  void put(K key, V value) throws Exception;

  /** Puts all entries of {@code map}. */
  void putAll(Map<K, V> map) throws Exception;

  /** Removes the mapping of {@code key}, if any. */
  void remove(K key) throws Exception;

  /** An iterator over the entries that may remove them. */
  Iterator<Map.Entry<K, V>> iterator() throws Exception;

  /** The entries; {@code setValue} on an entry changes the state. */
  Iterable<Map.Entry<K, V>> entries() throws Exception;

  /** Removes all entries. */
  @Override
  void clear();
}
