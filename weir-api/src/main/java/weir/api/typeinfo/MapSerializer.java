package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Serializer for maps. Layout: var int size, then for each entry the key and the value, each as
 * {@link TypeSerializer#serializeNullable}. Reads back a {@link HashMap}, or a
 * {@link LinkedHashMap} (preserving iteration order) when the declared type is
 * {@code LinkedHashMap}. Does not accept a null map.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1
 */
@Evolving
public final class MapSerializer<K, V> extends TypeSerializer<Map<K, V>> {

  private static final long serialVersionUID = 1L;

  private final TypeSerializer<K> keys;
  private final TypeSerializer<V> values;
  private final boolean linked;

  /**
   * Creates a map serializer.
   *
   * @param linked read {@link LinkedHashMap}s instead of {@link HashMap}s
   */
  public MapSerializer(TypeSerializer<K> keys, TypeSerializer<V> values, boolean linked) {
    this.keys = Objects.requireNonNull(keys);
    this.values = Objects.requireNonNull(values);
    this.linked = linked;
  }

  private Map<K, V> create(int size) {
    int capacity = CollectionSerializer.capacityFor(size);
    return linked ? new LinkedHashMap<>(capacity) : new HashMap<>(capacity);
  }

  @Override
  public void serialize(Map<K, V> value, DataOutputView out) throws IOException {
    out.writeVarInt(value.size());
    for (Map.Entry<K, V> e : value.entrySet()) {
      keys.serializeNullable(e.getKey(), out);
      values.serializeNullable(e.getValue(), out);
    }
  }

  @Override
  public Map<K, V> deserialize(DataInputView in) throws IOException {
    int size = in.readVarInt();
    Map<K, V> result = create(size);
    for (int i = 0; i < size; i++) {
      K key = keys.deserializeNullable(in);
      result.put(key, values.deserializeNullable(in));
    }
    return result;
  }

  @Override
  public Map<K, V> copy(Map<K, V> value) {
    Map<K, V> result = create(value.size());
    for (Map.Entry<K, V> e : value.entrySet()) {
      result.put(keys.copyNullable(e.getKey()), values.copyNullable(e.getValue()));
    }
    return result;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<Map<K, V>> duplicate() {
    TypeSerializer<K> k = keys.duplicate();
    TypeSerializer<V> v = values.duplicate();
    return k == keys && v == values ? this : new MapSerializer<>(k, v, linked);
  }

  @Override
  public TypeSerializerSnapshot<Map<K, V>> snapshotConfiguration() {
    return new SimpleSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MapSerializer<?, ?> other && other.linked == linked && other.keys.equals(keys)
        && other.values.equals(values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keys, values, linked);
  }

  @Override
  public String toString() {
    return "MapSerializer[" + keys + " -> " + values + (linked ? ", linked]" : "]");
  }
}
