package weir.runtime.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.TypeSerializer;

/**
 * A snapshot of a {@link HeapKeyedStateBackend} in two parts. {@link
 * HeapKeyedStateBackend#beginSnapshot()} is the synchronous part, on the subtask's thread: it
 * copies every state's keys, namespaces and value bytes into flat arrays (values kept as objects
 * copy-on-write, see {@link StateMap#freeze}) and lets the participants capture their data: a
 * walk and a few array copies, much less than serializing. {@link #write()}
 * is the asynchronous part: it serializes what was frozen, key group by key group in the format of
 * {@link KeyedStateSnapshots}, on any thread while the subtask goes on. It uses serializers and
 * codecs of its own, since those of the subtask may cache.
 */
public final class KeyedStateSnapshot {
  /** One state's frozen maps, with what it takes to write them. */
  private record FrozenTable(String name, StateMap.Frozen<Object, Object, Object>[] maps, boolean binary,
      @Nullable StateValueCodec<Object> codec, @Nullable TtlSnapshotFilter<Object> filter) {}

  /** Writes keys and namespaces in the snapshot format; owned by the thread that writes the snapshot. */
  public static final class Writers {
    private final TypeSerializer<Object> keys;
    private final NamespaceSerializer namespaces;

    Writers(TypeSerializer<Object> keys, NamespaceSerializer namespaces) {
      this.keys = keys;
      this.namespaces = namespaces;
    }

    /** Writes a key as the backend's snapshots do. */
    public void writeKey(Object key, DataOutputView out) throws IOException {
      keys.serialize(key, out);
    }

    /** Writes a namespace as the backend's snapshots do. */
    public void writeNamespace(Object namespace, DataOutputView out) throws IOException {
      namespaces.serialize(namespace, out);
    }
  }

  private final KeyGroupRange range;
  private final List<FrozenTable> tables;
  // restored values of states not registered again, carried over unchanged
  private final Map<String, List<KeyedStateSnapshots.RestoredEntry>> unregistered;
  private final Map<String, KeyedSnapshotParticipant.SectionWriter> participants;
  private final Writers writers;

  @SuppressWarnings({"unchecked", "rawtypes"})
  KeyedStateSnapshot(KeyGroupRange range, Map<String, StateTable<?, ?>> tables,
      Map<String, List<KeyedStateSnapshots.RestoredEntry>> unregistered,
      Map<String, KeyedSnapshotParticipant.SectionWriter> participants, Writers writers,
      java.util.function.Function<StateTable<?, ?>, StateValueCodec<Object>> codecs) {
    this.range = range;
    this.tables = new ArrayList<>(tables.size());
    for (Map.Entry<String, StateTable<?, ?>> e : tables.entrySet()) {
      StateTable table = e.getValue();
      boolean binary = table.isBinary();
      // with cleanupFullSnapshot, expired values are left out; the filter judges them as of now
      this.tables.add(new FrozenTable(e.getKey(), table.freeze(), binary, binary ? null : codecs.apply(table),
          table.ttlSnapshotFilter()));
    }
    this.unregistered = new LinkedHashMap<>();
    for (Map.Entry<String, List<KeyedStateSnapshots.RestoredEntry>> e : unregistered.entrySet()) {
      if (!tables.containsKey(e.getKey())) {
        this.unregistered.put(e.getKey(), e.getValue());
      }
    }
    this.participants = participants;
    this.writers = writers;
  }

  /** Writes the snapshot: every owned key group, as one self-contained array each, by key group. */
  public Map<Integer, byte[]> write() throws IOException {
    Map<Integer, byte[]> result = new LinkedHashMap<>();
    DataOutputSerializer out = new DataOutputSerializer(4096);
    DataOutputSerializer value = new DataOutputSerializer(256);
    for (int i = 0; i < range.size(); i++) {
      result.put(range.start() + i, writeKeyGroup(i, out, value));
    }
    return result;
  }

  private byte[] writeKeyGroup(int keyGroupIndex, DataOutputSerializer out, DataOutputSerializer value)
      throws IOException {
    out.clear();
    out.writeInt(tables.size() + unregistered.size());
    for (FrozenTable table : tables) {
      writeTable(table, keyGroupIndex, out, value);
    }
    for (Map.Entry<String, List<KeyedStateSnapshots.RestoredEntry>> e : unregistered.entrySet()) {
      List<KeyedStateSnapshots.RestoredEntry> entries = new ArrayList<>();
      for (KeyedStateSnapshots.RestoredEntry r : e.getValue()) {
        if (r.keyGroupIndex() == keyGroupIndex) {
          entries.add(r);
        }
      }
      out.writeUTF(e.getKey());
      out.writeInt(entries.size());
      for (KeyedStateSnapshots.RestoredEntry r : entries) {
        writers.writeKey(r.key(), out);
        writers.writeNamespace(r.namespace(), out);
        out.writeInt(r.value().length);
        out.write(r.value());
      }
    }
    out.writeInt(participants.size());
    for (Map.Entry<String, KeyedSnapshotParticipant.SectionWriter> e : participants.entrySet()) {
      value.clear();
      e.getValue().writeKeyGroup(keyGroupIndex, value, writers);
      out.writeUTF(e.getKey());
      out.writeInt(value.position());
      out.write(value.getSharedBuffer(), 0, value.position());
    }
    return out.copyOfBuffer();
  }

  private void writeTable(FrozenTable table, int keyGroupIndex, DataOutputSerializer out, DataOutputSerializer value)
      throws IOException {
    StateMap.Frozen<Object, Object, Object> map = table.maps()[keyGroupIndex];
    byte[] arena = map.arena();
    boolean binary = table.binary();
    TtlSnapshotFilter<Object> filter = table.filter();
    out.writeUTF(table.name());
    int size = map.size();
    int count = size;
    if (filter != null) {
      count = 0;
      for (int i = 0; i < size; i++) {
        boolean keep = binary ? !filter.isExpired(arena, map.offset(i)) : filter.withoutExpired(map.value(i)) != null;
        count += keep ? 1 : 0;
      }
    }
    out.writeInt(count);
    try {
      for (int i = 0; i < size; i++) {
        Object v = binary ? null : map.value(i);
        if (filter != null) {
          if (binary ? filter.isExpired(arena, map.offset(i)) : (v = filter.withoutExpired(v)) == null) {
            continue;
          }
        }
        writers.writeKey(map.key(i), out);
        writers.writeNamespace(map.namespace(i), out);
        if (binary) {
          out.writeInt(map.length(i));
          out.write(arena, map.offset(i), map.length(i));
        } else {
          value.clear();
          table.codec().write(v, value);
          out.writeInt(value.position());
          out.write(value.getSharedBuffer(), 0, value.position());
        }
      }
    } catch (IOException ex) {
      throw new IOException("Cannot snapshot state '" + table.name() + "': " + ex.getMessage(), ex);
    }
  }
}
