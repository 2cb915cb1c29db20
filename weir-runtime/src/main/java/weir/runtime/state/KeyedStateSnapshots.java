package weir.runtime.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
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
 * written with the serializer their descriptor implies, or those of an in-place state by its own
 * {@link StateValueCodec}. Every value carries its length, so a restore can read all entries
 * before the operator has registered its states.
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
   * A new codec of the values of a table kept as objects: its own, or the one its descriptor
   * implies. Each thread that reads or writes values uses its own (serializers may cache).
   */
  @SuppressWarnings("unchecked")
  static StateValueCodec<Object> codecOf(StateTable<?, ?> table, SerializerConfig config) {
    Supplier<? extends StateValueCodec<?>> own = table.codec();
    return own != null ? (StateValueCodec<Object>) own.get()
        : codecOf(table.descriptor(), config, table.ttlConfig() != null);
  }

  /** The codec of the values of a state kept as objects, from its descriptor. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static StateValueCodec<Object> codecOf(StateDescriptor<?> d, SerializerConfig config, boolean ttl) {
    if (d instanceof ListStateDescriptor<?>) {
      TypeSerializer element = withTtl(serializerOf(d.getType(), config), ttl);
      return new StateValueCodec<>() {
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

        @Override
        public Object copy(Object value) {
          List<Object> list = (List<Object>) value;
          ArrayList<Object> copy = new ArrayList<>(list.size());
          for (Object o : list) {
            copy.add(element.copy(o));
          }
          return copy;
        }
      };
    }
    if (d instanceof MapStateDescriptor<?, ?> m) {
      TypeSerializer keys = serializerOf(m.getKeyType(), config);
      TypeSerializer values = withTtl(serializerOf(m.getValueType(), config), ttl);
      return new StateValueCodec<>() {
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

        @Override
        public Object copy(Object value) {
          Map<Object, Object> map = (Map<Object, Object>) value;
          HashMap<Object, Object> copy = new HashMap<>();
          for (Map.Entry<Object, Object> e : map.entrySet()) {
            copy.put(e.getKey(), e.getValue() == null ? null : values.copy(e.getValue()));
          }
          return copy;
        }
      };
    }
    TypeSerializer plain = withTtl(serializerOf(d.getType(), config), ttl);
    return new StateValueCodec<>() {
      @Override
      public void write(Object value, DataOutputView out) throws IOException {
        plain.serialize(value, out);
      }

      @Override
      public Object read(DataInputView in) throws IOException {
        return plain.deserialize(in);
      }

      @Override
      public Object copy(Object value) {
        return plain.copy(value);
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
