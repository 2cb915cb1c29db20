package weir.runtime.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.Nullable;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapStateDescriptor;
import weir.api.state.StateDescriptor;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.DynamicSerializer;
import weir.api.typeinfo.InvalidTypeException;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeInfo;
import weir.api.typeinfo.TypeSerializer;

/**
 * The snapshot format of a keyed state backend: one self-contained byte array per key group, so
 * that a restore with another parallelism reads just the key groups a subtask owns.
 *
 * <pre>
 * key group : int stateCount
 *             stateCount × ( utf name, int entryCount,
 *                            entryCount × ( key, namespace, int length, value bytes ) )
 *             int sectionCount
 *             sectionCount × ( utf name, int length, bytes )   (see KeyedSnapshotParticipant)
 * </pre>
 *
 * Values kept in binary form are written as they lie in the arena; values kept as objects are
 * written with the serializer their descriptor implies. Every value carries its length, so a
 * restore can read all entries before the operator has registered its states.
 */
final class KeyedStateSnapshots {
  private KeyedStateSnapshots() {}

  /** One restored (key, namespace, value bytes) of a state, waiting for the state's registration. */
  record RestoredEntry(int keyGroupIndex, Object key, Object namespace, byte[] value) {}

  /** What a backend restores: entries per state name, and the sections of each participant. */
  static final class Restored {
    final Map<String, List<RestoredEntry>> states = new HashMap<>();
    final Map<String, List<byte[]>> sections = new HashMap<>();
  }

  /** Writes key group {@code keyGroupIndex} (within the owned range). */
  static byte[] writeKeyGroup(int keyGroupIndex, Map<String, StateTable<?, ?>> tables,
      Map<String, List<RestoredEntry>> unregistered, Map<String, KeyedSnapshotParticipant> participants,
      TypeSerializer<Object> keySerializer, NamespaceSerializer namespaces, SerializerConfig config,
      DataOutputSerializer out, DataOutputSerializer value) throws IOException {
    out.clear();
    List<RestoredEntry> none = List.of();
    int count = tables.size();
    for (Map.Entry<String, List<RestoredEntry>> e : unregistered.entrySet()) {
      count += tables.containsKey(e.getKey()) ? 0 : 1;
    }
    out.writeInt(count);
    for (Map.Entry<String, StateTable<?, ?>> e : tables.entrySet()) {
      writeTable(e.getKey(), e.getValue(), keyGroupIndex, keySerializer, namespaces, config, out, value);
    }
    for (Map.Entry<String, List<RestoredEntry>> e : unregistered.entrySet()) {
      if (tables.containsKey(e.getKey())) {
        continue;
      }
      List<RestoredEntry> entries = new ArrayList<>();
      for (RestoredEntry r : e.getValue()) {
        if (r.keyGroupIndex == keyGroupIndex) {
          entries.add(r);
        }
      }
      out.writeUTF(e.getKey());
      out.writeInt(entries.size());
      for (RestoredEntry r : entries) {
        keySerializer.serialize(r.key, out);
        namespaces.serialize(r.namespace, out);
        out.writeInt(r.value.length);
        out.write(r.value);
      }
    }
    out.writeInt(participants.size());
    for (Map.Entry<String, KeyedSnapshotParticipant> e : participants.entrySet()) {
      value.clear();
      e.getValue().writeKeyGroup(keyGroupIndex, value);
      out.writeUTF(e.getKey());
      out.writeInt(value.position());
      out.write(value.getSharedBuffer(), 0, value.position());
    }
    return out.copyOfBuffer();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void writeTable(String name, StateTable<?, ?> table, int keyGroupIndex,
      TypeSerializer<Object> keySerializer, NamespaceSerializer namespaces, SerializerConfig config,
      DataOutputSerializer out, DataOutputSerializer value) throws IOException {
    StateMap<Object, ?, ?> map = (StateMap) table.map(keyGroupIndex);
    out.writeUTF(name);
    boolean binary = table.isBinary();
    ValueCodec<Object> codec = binary ? null : codecOf(table, config);
    // with cleanupFullSnapshot, expired values are left out of the snapshot
    TtlSnapshotFilter<Object> filter = (TtlSnapshotFilter<Object>) table.ttlSnapshotFilter();
    int[] count = {0};
    if (filter == null) {
      count[0] = map.size();
    } else {
      map.forEach(e -> {
        boolean keep = binary ? !filter.isExpired(map.arena().data(), e.offset) : filter.withoutExpired(e.value()) != null;
        count[0] += keep ? 1 : 0;
      });
    }
    out.writeInt(count[0]);
    IOException[] failure = new IOException[1];
    map.forEach(e -> {
      try {
        Object v = e.value();
        if (filter != null) {
          if (binary ? filter.isExpired(map.arena().data(), e.offset) : (v = filter.withoutExpired(v)) == null) {
            return;
          }
        }
        keySerializer.serialize(e.key(), out);
        namespaces.serialize(e.namespace(), out);
        if (binary) {
          out.writeInt(e.length);
          out.write(map.arena().data(), e.offset, e.length);
        } else {
          value.clear();
          codec.write(v, value);
          out.writeInt(value.position());
          out.write(value.getSharedBuffer(), 0, value.position());
        }
      } catch (IOException ex) {
        failure[0] = ex;
      }
    });
    if (failure[0] != null) {
      throw new IOException("Cannot snapshot state '" + name + "': " + failure[0].getMessage(), failure[0]);
    }
  }

  /** Reads the key groups of a restore that lie in the owned range into entries and sections. */
  static Restored read(Map<Integer, byte[]> keyGroups, KeyGroupRange range, TypeSerializer<Object> keySerializer,
      NamespaceSerializer namespaces) throws IOException {
    Restored restored = new Restored();
    for (Map.Entry<Integer, byte[]> kg : new TreeMap<>(keyGroups).entrySet()) {
      if (!range.contains(kg.getKey())) {
        continue;
      }
      int index = kg.getKey() - range.start();
      DataInputDeserializer in = new DataInputDeserializer(kg.getValue());
      int states = in.readInt();
      for (int s = 0; s < states; s++) {
        String name = in.readUTF();
        int entries = in.readInt();
        List<RestoredEntry> list = restored.states.computeIfAbsent(name, n -> new ArrayList<>());
        for (int i = 0; i < entries; i++) {
          Object key = keySerializer.deserialize(in);
          Object namespace = namespaces.deserialize(in);
          byte[] value = new byte[in.readInt()];
          in.readFully(value);
          list.add(new RestoredEntry(index, key, namespace, value));
        }
      }
      int sections = in.readInt();
      for (int p = 0; p < sections; p++) {
        String name = in.readUTF();
        byte[] section = new byte[in.readInt()];
        in.readFully(section);
        restored.sections.computeIfAbsent(name, n -> new ArrayList<>()).add(section);
      }
    }
    return restored;
  }

  /**
   * The codec of the values of a table kept as objects: the one the table was registered with,
   * or else one its descriptor implies.
   */
  @SuppressWarnings("unchecked")
  static ValueCodec<Object> codecOf(StateTable<?, ?> table, SerializerConfig config) {
    ValueCodec<?> own = table.objectCodec();
    if (own != null) {
      return (ValueCodec<Object>) own;
    }
    return codecOf(table.descriptor(), config, table.ttlConfig() != null);
  }

  /** The codec of the values of a state kept as objects, from its descriptor. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ValueCodec<Object> codecOf(StateDescriptor<?> d, SerializerConfig config, boolean ttl) {
    if (d instanceof ListStateDescriptor<?>) {
      TypeSerializer element = withTtl(serializerOf(d.getType(), config), ttl);
      return new ValueCodec<>() {
        @Override
        public void write(Object value, DataOutputView out) throws IOException {
          List<Object> list = (List<Object>) value;
          out.writeInt(list.size());
          for (Object o : list) {
            element.serialize(o, out);
          }
        }

        @Override
        public Object read(DataInputView in) throws IOException {
          int n = in.readInt();
          ArrayList<Object> list = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            list.add(element.deserialize(in));
          }
          return list;
        }
      };
    }
    if (d instanceof MapStateDescriptor<?, ?> m) {
      TypeSerializer keys = serializerOf(m.getKeyType(), config);
      TypeSerializer values = withTtl(serializerOf(m.getValueType(), config), ttl);
      return new ValueCodec<>() {
        @Override
        public void write(Object value, DataOutputView out) throws IOException {
          Map<Object, Object> map = (Map<Object, Object>) value;
          out.writeInt(map.size());
          for (Map.Entry<Object, Object> e : map.entrySet()) {
            keys.serialize(e.getKey(), out);
            values.serializeNullable(e.getValue(), out);
          }
        }

        @Override
        public Object read(DataInputView in) throws IOException {
          int n = in.readInt();
          HashMap<Object, Object> map = new HashMap<>();
          for (int i = 0; i < n; i++) {
            map.put(keys.deserialize(in), values.deserializeNullable(in));
          }
          return map;
        }
      };
    }
    TypeSerializer plain = withTtl(serializerOf(d.getType(), config), ttl);
    return new ValueCodec<>() {
      @Override
      public void write(Object value, DataOutputView out) throws IOException {
        plain.serialize(value, out);
      }

      @Override
      public Object read(DataInputView in) throws IOException {
        return plain.deserialize(in);
      }
    };
  }

  /** Values of a state with time-to-live are kept with their last-access time. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeSerializer withTtl(TypeSerializer<Object> serializer, boolean ttl) {
    return ttl ? new TtlValueSerializer<>(serializer) : serializer;
  }

  /** The type's serializer, or one that finds each value's serializer from its class. */
  @SuppressWarnings("unchecked")
  static TypeSerializer<Object> serializerOf(@Nullable TypeInfo<?> type, SerializerConfig config) {
    if (type != null && !type.isUnknown()) {
      try {
        return (TypeSerializer<Object>) type.createSerializer(config);
      } catch (InvalidTypeException e) {
        // fall through: values are written with their class names
      }
    }
    return new DynamicSerializer<>(config);
  }
}
