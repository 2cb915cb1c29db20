package weir.runtime.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import weir.api.state.BroadcastState;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapStateDescriptor;
import weir.api.state.OperatorStateStore;
import weir.api.state.ReadOnlyBroadcastState;
import weir.api.state.StateDescriptor;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeInfo;
import weir.api.typeinfo.TypeSerializer;

/**
 * Operator state of one operator in one subtask: list, union list and broadcast states, on the
 * heap as objects, serialized at a snapshot.
 *
 * <h3>In checkpoints</h3>
 * Each state is one named list of the operator's snapshot, its name prefixed by its kind
 * ({@link Mode}), so that the kinds and the operator's own lists (a sink's committables) never
 * meet. Elements of a list state are written one by one and dealt out round robin when the
 * parallelism changes; a union list is marked as such and goes whole to every subtask. A
 * broadcast state is written as one element, the subtask's whole copy, in a union list: on
 * restore every subtask gets all copies and keeps that of old subtask {@code i mod n}.
 *
 * <p>Restored lists wait, as bytes, until their state is registered; those never registered are
 * written again into later snapshots unchanged, so that a job version that no longer uses a
 * state does not lose it: lists as they were dealt out, union lists by subtask 0 only (every
 * subtask holds them whole, so writing them once keeps them as they were), broadcast states as
 * the copy this subtask kept.
 *
 * <p>Owned by the subtask's thread.
 */
public final class OperatorStateBackend implements OperatorStateStore {
  /** How a state is dealt out on restore; its prefix starts the name it is stored under. */
  enum Mode {
    SPLIT("list:", "list state"), UNION("union:", "union list state"), BROADCAST("broadcast:", "broadcast state");

    final String prefix;
    final String description;

    Mode(String prefix, String description) {
      this.prefix = prefix;
      this.description = description;
    }
  }

  /** What {@link #snapshot()} returns: the lists by stored name, and which of them are union lists. */
  public record Snapshot(Map<String, List<byte[]>> lists, List<String> unionLists) {}

  private final String operatorName;
  private final SerializerConfig serializerConfig;
  private final int subtaskIndex;
  private final OptionalLong restoredCheckpointId;
  // restored lists by stored name, removed as their states are registered
  private final Map<String, List<byte[]>> restored = new LinkedHashMap<>();
  private final Map<String, OperatorListState<?>> lists = new LinkedHashMap<>();
  private final Map<String, Registered<?, ?>> broadcasts = new LinkedHashMap<>();
  private final DataOutputSerializer buffer = new DataOutputSerializer(256);

  /** A registered broadcast state and the descriptor it was registered with. */
  private record Registered<K, V>(MapStateDescriptor<K, V> descriptor, HeapBroadcastState<K, V> state) {}

  /**
   * @param restoredCheckpointId the checkpoint the job started from, empty on a fresh start
   * @param restoredLists the operator's restored lists by name (lists of other owners are
   *     ignored); empty on a fresh start
   */
  public OperatorStateBackend(String operatorName, SerializerConfig serializerConfig, int subtaskIndex,
      OptionalLong restoredCheckpointId, Map<String, List<byte[]>> restoredLists) {
    this.operatorName = operatorName;
    this.serializerConfig = serializerConfig;
    this.subtaskIndex = subtaskIndex;
    this.restoredCheckpointId = restoredCheckpointId;
    for (Map.Entry<String, List<byte[]>> e : restoredLists.entrySet()) {
      String name = e.getKey();
      if (name.startsWith(Mode.BROADCAST.prefix)) {
        List<byte[]> copies = e.getValue();
        restored.put(name, copies.isEmpty() ? List.of() : List.of(copies.get(subtaskIndex % copies.size())));
      } else if (name.startsWith(Mode.SPLIT.prefix) || name.startsWith(Mode.UNION.prefix)) {
        restored.put(name, e.getValue());
      }
    }
  }

  /** The checkpoint the job started from, empty on a fresh start. */
  public OptionalLong restoredCheckpointId() {
    return restoredCheckpointId;
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return list(descriptor, Mode.SPLIT);
  }

  @Override
  public <T> ListState<T> getUnionListState(ListStateDescriptor<T> descriptor) {
    return list(descriptor, Mode.UNION);
  }

  @Override
  public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
    return registerBroadcast(descriptor);
  }

  /** A read-only view of the broadcast state of {@code descriptor}, registering it if needed. */
  public <K, V> ReadOnlyBroadcastState<K, V> getReadOnlyBroadcastState(MapStateDescriptor<K, V> descriptor) {
    return registerBroadcast(descriptor).readOnly();
  }

  @Override
  public Set<String> getRegisteredStateNames() {
    return Set.copyOf(lists.keySet());
  }

  @Override
  public Set<String> getRegisteredBroadcastStateNames() {
    return Set.copyOf(broadcasts.keySet());
  }

  @SuppressWarnings("unchecked")
  private <T> ListState<T> list(ListStateDescriptor<T> d, Mode mode) {
    requireNoTtl(d, mode);
    OperatorListState<?> existing = lists.get(d.getName());
    if (existing != null) {
      if (existing.mode() != mode) {
        throw new IllegalStateException("Operator '" + operatorName + "' registers '" + d.getName() + "' as "
            + mode.description + ", but it is already registered as " + existing.mode().description
            + "; give each state its own name");
      }
      return (ListState<T>) existing;
    }
    Mode other = mode == Mode.SPLIT ? Mode.UNION : Mode.SPLIT;
    if (restored.containsKey(other.prefix + d.getName())) {
      throw new IllegalStateException("Operator '" + operatorName + "' registers '" + d.getName() + "' as "
          + mode.description + ", but the checkpoint holds it as " + other.description + "; register it with "
          + (other == Mode.SPLIT ? "getListState" : "getUnionListState") + ", or under a new name to start it empty");
    }
    OperatorListState<T> state = new OperatorListState<>(d.getName(), mode, serializerOf(d.getType()));
    List<byte[]> bytes = restored.remove(mode.prefix + d.getName());
    if (bytes != null) {
      try {
        state.restore(bytes);
      } catch (IOException e) {
        throw cannotRestore(d, mode, e);
      }
    }
    lists.put(d.getName(), state);
    return state;
  }

  @SuppressWarnings("unchecked")
  private <K, V> HeapBroadcastState<K, V> registerBroadcast(MapStateDescriptor<K, V> d) {
    requireNoTtl(d, Mode.BROADCAST);
    Registered<?, ?> existing = broadcasts.get(d.getName());
    if (existing != null) {
      if (!existing.descriptor().getKeyType().equals(d.getKeyType())
          || !existing.descriptor().getValueType().equals(d.getValueType())) {
        throw new IllegalStateException("Operator '" + operatorName + "' registers broadcast state '" + d.getName()
            + "' with types " + d.getKeyType() + " -> " + d.getValueType() + ", but it is already registered with "
            + existing.descriptor().getKeyType() + " -> " + existing.descriptor().getValueType());
      }
      return (HeapBroadcastState<K, V>) existing.state();
    }
    HeapBroadcastState<K, V> state = new HeapBroadcastState<>(d.getName(), serializerOf(d.getKeyType()),
        serializerOf(d.getValueType()));
    List<byte[]> copy = restored.remove(Mode.BROADCAST.prefix + d.getName());
    if (copy != null && !copy.isEmpty()) {
      try {
        state.restore(copy.get(0));
      } catch (IOException e) {
        throw cannotRestore(d, Mode.BROADCAST, e);
      }
    }
    broadcasts.put(d.getName(), new Registered<>(d, state));
    return state;
  }

  /**
   * Serializes every registered state, and the restored lists not registered again, as lists by
   * stored name (see the class description).
   */
  public Snapshot snapshot() throws IOException {
    Map<String, List<byte[]>> result = new LinkedHashMap<>();
    List<String> unions = new ArrayList<>();
    for (Map.Entry<String, OperatorListState<?>> e : lists.entrySet()) {
      Mode mode = e.getValue().mode();
      add(result, unions, mode, mode.prefix + e.getKey(), e.getValue().serialize(buffer));
    }
    for (Map.Entry<String, Registered<?, ?>> e : broadcasts.entrySet()) {
      add(result, unions, Mode.BROADCAST, Mode.BROADCAST.prefix + e.getKey(),
          List.of(e.getValue().state().serialize(buffer)));
    }
    for (Map.Entry<String, List<byte[]>> e : restored.entrySet()) {
      Mode mode = modeOf(e.getKey());
      if (mode != Mode.UNION || subtaskIndex == 0) {
        add(result, unions, mode, e.getKey(), e.getValue());
      }
    }
    return new Snapshot(result, unions);
  }

  private static void add(Map<String, List<byte[]>> result, List<String> unions, Mode mode, String name,
      List<byte[]> elements) {
    result.put(name, elements);
    if (mode != Mode.SPLIT) {
      unions.add(name);
    }
  }

  private static Mode modeOf(String storedName) {
    for (Mode mode : Mode.values()) {
      if (storedName.startsWith(mode.prefix)) {
        return mode;
      }
    }
    throw new IllegalStateException("Bug in operator state: '" + storedName + "' has no kind prefix");
  }

  private <T> TypeSerializer<T> serializerOf(TypeInfo<T> type) {
    @SuppressWarnings("unchecked")
    TypeSerializer<T> serializer = (TypeSerializer<T>) KeyedStateSnapshots.serializerOf(type, serializerConfig);
    return serializer;
  }

  private void requireNoTtl(StateDescriptor<?> d, Mode mode) {
    if (d.getTtlConfig() != null) {
      throw new UnsupportedOperationException("Operator '" + operatorName + "' registers " + mode.description + " '"
          + d.getName() + "' with a time-to-live, which operator state does not support; use a descriptor without"
          + " enableTimeToLive(...), or keyed state");
    }
  }

  private UncheckedIOException cannotRestore(StateDescriptor<?> d, Mode mode, IOException e) {
    return new UncheckedIOException("Cannot restore " + mode.description + " '" + d.getName() + "' of operator '"
        + operatorName + "' (did its type change since the checkpoint?): " + e.getMessage(), e);
  }
}
