package weir.runtime.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.annotation.Nullable;
import weir.api.state.StateDescriptor;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.TypeSerializer;

/**
 * All values of one named state of a subtask: one {@link StateMap} per owned key group, so that
 * snapshots and rescaling work key group by key group.
 */
public final class StateTable<N, V> {
  private final StateDescriptor<?> descriptor;
  private final StateMap<Object, N, V>[] maps;
  @Nullable private TypeSerializer<V> serializer;

  @SuppressWarnings("unchecked")
  StateTable(StateDescriptor<?> descriptor, KeyGroupRange range) {
    this.descriptor = descriptor;
    this.maps = (StateMap<Object, N, V>[]) new StateMap<?, ?, ?>[range.size()];
    for (int i = 0; i < maps.length; i++) {
      maps[i] = new StateMap<>();
    }
  }

  /** The descriptor the state was registered with. */
  public StateDescriptor<?> descriptor() {
    return descriptor;
  }

  /** The map of the key group at {@code index} within the owned range. */
  public StateMap<Object, N, V> map(int index) {
    return maps[index];
  }

  /** Marks the table as binary: its values are kept serialized with {@code serializer}. */
  void setSerializer(@Nullable TypeSerializer<V> serializer) {
    this.serializer = serializer;
  }

  /**
   * The value of (key, namespace) in the key group at {@code index}, or {@code null}; a fresh
   * copy when values are kept serialized. For inspection, not for the record path.
   */
  @Nullable
  public V get(int index, Object key, N namespace) {
    StateMap<Object, N, V> map = maps[index];
    StateMap.Entry<Object, N, V> e = map.getEntry(key, namespace);
    if (e == null || serializer == null) {
      return e == null ? null : e.value;
    }
    try {
      return serializer.deserialize(new DataInputDeserializer(Arrays.copyOfRange(map.arena().data(), e.offset,
          e.offset + e.length)));
    } catch (IOException ex) {
      throw new UncheckedIOException("Cannot read state '" + descriptor.getName() + "'", ex);
    }
  }

  /** The number of (key, namespace) entries over all key groups. */
  public long size() {
    long size = 0;
    for (StateMap<Object, N, V> map : maps) {
      size += map.size();
    }
    return size;
  }
}
