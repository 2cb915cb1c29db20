package weir.runtime.state;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import weir.api.state.BroadcastState;
import weir.api.state.ReadOnlyBroadcastState;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.TypeSerializer;

/**
 * One subtask's copy of a broadcast state: a hash map of objects, serialized as a whole at a
 * snapshot. Owned by the subtask's thread.
 *
 * <pre>
 * copy : int n, n × ( key, value )     (the descriptor's key and value serializers)
 * </pre>
 */
final class HeapBroadcastState<K, V> extends BroadcastStateView<K, V> implements BroadcastState<K, V> {
  private final String name;
  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<V> valueSerializer;
  private final BroadcastStateView<K, V> readOnly;

  HeapBroadcastState(String name, TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
    super(new HashMap<>());
    this.name = name;
    this.keySerializer = keySerializer;
    this.valueSerializer = valueSerializer;
    this.readOnly = new BroadcastStateView<>(map);
  }

  /** A view of this state that cannot change it. */
  ReadOnlyBroadcastState<K, V> readOnly() {
    return readOnly;
  }

  @Override
  public void put(K key, V value) {
    if (key == null || value == null) {
      throw new NullPointerException("Broadcast state '" + name + "' cannot map null keys or values, but got "
          + key + " -> " + value);
    }
    map.put(key, value);
  }

  @Override
  public void putAll(Map<K, V> entries) {
    for (Map.Entry<K, V> e : entries.entrySet()) {
      put(e.getKey(), e.getValue());
    }
  }

  @Override
  public void remove(K key) {
    map.remove(key);
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return map.entrySet().iterator();
  }

  @Override
  public Iterable<Map.Entry<K, V>> entries() {
    return map.entrySet();
  }

  @Override
  public void clear() {
    map.clear();
  }

  /** The whole copy in the format above. */
  byte[] serialize(DataOutputSerializer buffer) throws IOException {
    buffer.clear();
    buffer.writeInt(map.size());
    for (Map.Entry<K, V> e : map.entrySet()) {
      keySerializer.serialize(e.getKey(), buffer);
      valueSerializer.serialize(e.getValue(), buffer);
    }
    return buffer.copyOfBuffer();
  }

  /** Fills the state from a copy written by {@link #serialize}. */
  void restore(byte[] copy) throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(copy);
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      map.put(keySerializer.deserialize(in), valueSerializer.deserialize(in));
    }
  }
}
