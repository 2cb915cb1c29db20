package weir.runtime.state;

import java.util.Arrays;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.DynamicSerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.annotation.Nullable;
import weir.api.state.AggregatingState;
import weir.api.state.AggregatingStateDescriptor;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.state.State;
import weir.api.state.StateDescriptor;
import weir.api.state.StateTtlConfig;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.typeinfo.InvalidTypeException;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeInfo;
import weir.api.typeinfo.TypeSerializer;

/**
 * Keyed state of one subtask on the heap, sharded by key group: each registered state is a
 * {@link StateTable} with one hash map per owned key group. The operator sets the current key
 * before each record; state handles then read and write that key's values.
 *
 * <p>A descriptor with a time-to-live config gets a state that wraps the plain one ({@link
 * TtlState}); its clocks, the subtask's processing time and the operator's watermark, are given
 * to the backend when it is built.
 *
 * <p>A snapshot has two parts: {@link #beginSnapshot()} copies the states' index (keys and
 * namespaces) and value bytes on the subtask's thread, values kept as objects copy-on-write, and
 * the snapshot is serialized afterwards on another thread ({@link KeyedStateSnapshot}). It writes each owned key group on its own ({@link KeyedStateSnapshots}), so a
 * restore with another parallelism reads just the key groups it owns. Restored values wait, as
 * bytes, until the operator registers their state; those of a state never registered again are
 * carried into later snapshots unchanged.
 *
 * <p>Owned by the subtask's thread.
 */
public final class HeapKeyedStateBackend {
  private final String operatorName;
  private final KeyGroupRange range;
  private final int maxParallelism;
  private final SerializerConfig serializerConfig;
  private final Map<String, StateTable<?, ?>> tables = new HashMap<>();
  private final Map<String, State> states = new HashMap<>();
  private final StateClock processingTime;
  private final WatermarkClock eventTime;
  // incremental TTL cleanups that run whenever a key is set; null while there are none, so that
  // setting a key costs one null check more without them
  @Nullable private TtlIncrementalCleanup<?>[] perRecordCleanups;
  private final Map<String, KeyedSnapshotParticipant> participants = new LinkedHashMap<>();
  private final TypeSerializer<Object> keySerializer;
  private final NamespaceSerializer namespaces;
  private final KeyedStateSnapshots.Restored restored;
  @Nullable private Object currentKey;
  private int currentKeyGroupIndex;
  // the tables as an array, and touch()'s steps per key: key group index (-1: passed over),
  // hash, and the entry reached
  private StateTable<?, ?>[] tableArray = new StateTable<?, ?>[0];
  private int[] aheadIndex = new int[0];
  private int[] aheadHash = new int[0];
  private StateMap.Entry<?, ?, ?>[] aheadEntry = new StateMap.Entry<?, ?, ?>[0];
  private int touchCalls;
  private boolean touchPays;

  /**
   * @param serializerConfig used to create the serializers of value, reducing and aggregating
   *     states, whose values are then kept serialized
   * @param processingTime the subtask's processing time, for state with a processing-time TTL
   * @param eventTime the operator's watermark, for state with an event-time TTL; the operator's
   *     timer service advances it ({@link #eventTime()})
   * @param keySerializer writes the keys in snapshots
   * @param restoredKeyGroups the snapshot to start from, by key group (others than the owned ones
   *     are ignored); empty for a fresh start
   */
  public HeapKeyedStateBackend(String operatorName, KeyGroupRange range, int maxParallelism,
      SerializerConfig serializerConfig, StateClock processingTime, WatermarkClock eventTime,
      TypeSerializer<Object> keySerializer, Map<Integer, byte[]> restoredKeyGroups) {
    this.operatorName = operatorName;
    this.processingTime = processingTime;
    this.eventTime = eventTime;
    this.keySerializer = keySerializer;
    this.namespaces = new NamespaceSerializer(serializerConfig);
    try {
      this.restored = KeyedStateSnapshots.read(restoredKeyGroups, range, keySerializer, namespaces);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restore the keyed state of operator '" + operatorName + "': "
          + e.getMessage(), e);
    }
    this.serializerConfig = serializerConfig;
    this.range = range;
    this.maxParallelism = maxParallelism;
  }

  /** A backend starting empty, whose snapshots write keys with their class names. */
  public HeapKeyedStateBackend(String operatorName, KeyGroupRange range, int maxParallelism,
      SerializerConfig serializerConfig, StateClock processingTime, WatermarkClock eventTime) {
    this(operatorName, range, maxParallelism, serializerConfig, processingTime, eventTime,
        new DynamicSerializer<>(serializerConfig), Map.of());
  }

  /**
   * Entries below which {@link #touch} reads nothing: state this small stays in the cache, and
   * reading ahead would only cost its lookups twice.
   */
  static final long TOUCH_MIN_ENTRIES = 16_384;
  /** Calls of {@link #touch} between two looks at the number of entries; a power of two. */
  private static final int TOUCH_RECHECK = 256;

  /**
   * Reads ahead what the states without namespace will read for {@code keys[0..count)}, so that
   * the records of these keys, handled next, find it in the cache (see {@code
   * OneInputOperator#prefetch}). It goes in steps over the whole group, so that the cache misses
   * of one step overlap: the table slots of all keys, then their entries, then the entries' keys
   * and value bytes. Keys that are null or of key groups this backend does not own are passed
   * over, and while the states hold at most {@link #TOUCH_MIN_ENTRIES} entries nothing is read.
   * Returns a figure made from what it read, to be kept by the caller.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public int touch(Object[] keys, int count) {
    if ((touchCalls++ & (TOUCH_RECHECK - 1)) == 0) {
      long entries = 0;
      for (StateTable<?, ?> table : tableArray) {
        entries += table.size();
      }
      touchPays = entries > TOUCH_MIN_ENTRIES;
    }
    if (!touchPays) {
      return 0;
    }
    if (aheadIndex.length < count) {
      aheadIndex = new int[count];
      aheadHash = new int[count];
      aheadEntry = new StateMap.Entry<?, ?, ?>[count];
    }
    for (int i = 0; i < count; i++) {
      Object key = keys[i];
      int index = key == null ? -1 : KeyGroups.keyGroupOf(key, maxParallelism) - range.start();
      aheadIndex[i] = index < range.size() ? index : -1;
      aheadHash[i] = key == null ? 0 : StateMap.hash(key, VoidNamespace.INSTANCE);
    }
    int sum = 0;
    for (StateTable<?, ?> table : tableArray) {
      for (int i = 0; i < count; i++) {
        aheadEntry[i] = aheadIndex[i] < 0 ? null : table.map(aheadIndex[i]).chainOf(aheadHash[i]);
      }
      for (int i = 0; i < count; i++) {
        StateMap.Entry<?, ?, ?> e = aheadEntry[i];
        while (e != null && e.hash != aheadHash[i]) {
          e = e.next;
        }
        aheadEntry[i] = e;
      }
      for (int i = 0; i < count; i++) {
        StateMap.Entry<?, ?, ?> e = aheadEntry[i];
        if (e != null) {
          sum += e.key.hashCode() + ((StateMap) table.map(aheadIndex[i])).firstValueByte(e);
          aheadEntry[i] = null;
        }
      }
    }
    return sum;
  }

  /** Makes {@code key} the key that state handles read and write. */
  public void setCurrentKey(Object key) {
    if (key == null) {
      throw new NullPointerException("The key selector of operator '" + operatorName + "' returned null; keys must not be null");
    }
    int keyGroup = KeyGroups.keyGroupOf(key, maxParallelism);
    if (!range.contains(keyGroup)) {
      throw new IllegalStateException(
          "Key '" + key + "' of key group " + keyGroup + " reached operator '" + operatorName
              + "', which owns key groups " + range.start() + ".." + range.end()
              + ": the key's hashCode() must be deterministic across JVMs (enums and arrays are not; use a field)");
    }
    this.currentKey = key;
    this.currentKeyGroupIndex = keyGroup - range.start();
    if (perRecordCleanups != null) {
      for (TtlIncrementalCleanup<?> cleanup : perRecordCleanups) {
        cleanup.step();
      }
    }
  }

  /**
   * Makes no key current, so that state handles and timers fail until the next {@link
   * #setCurrentKey}: for code that runs outside any key's record or timer.
   */
  public void clearCurrentKey() {
    this.currentKey = null;
  }

  /** The current key. */
  public Object currentKey() {
    if (currentKey == null) {
      throw new IllegalStateException("Keyed state or timers of operator '" + operatorName + "' used while no key is"
          + " current: they belong to the key of the record or timer being processed (a keyed broadcast process"
          + " function reaches keyed state from processBroadcastElement through ctx.applyToKeyedState)");
    }
    return currentKey;
  }

  /**
   * The keys of this subtask that have a value in the state named {@code stateName} (without
   * namespace); none when no such state is registered. A copy: the states may change while it is
   * walked.
   */
  public List<Object> keys(String stateName) {
    List<Object> keys = new ArrayList<>();
    StateTable<?, ?> table = tables.get(stateName);
    if (table != null) {
      for (int i = 0; i < range.size(); i++) {
        table.map(i).forEach(e -> {
          if (e.namespace() == VoidNamespace.INSTANCE) {
            keys.add(e.key());
          }
        });
      }
    }
    return keys;
  }

  int currentKeyGroupIndex() {
    return currentKeyGroupIndex;
  }

  /** The operator's event time, which its timer service advances as watermarks arrive. */
  public WatermarkClock eventTime() {
    return eventTime;
  }

  /** The subtask's processing time. */
  StateClock processingTime() {
    return processingTime;
  }

  /** The job's serializer registrations, for operators that keep bytes of their own. */
  public SerializerConfig serializerConfig() {
    return serializerConfig;
  }

  /** The number of key groups keys are hashed into. */
  public int maxParallelism() {
    return maxParallelism;
  }

  /** The key groups this backend owns. */
  public KeyGroupRange keyGroupRange() {
    return range;
  }

  /** The table of the state named {@code name}, or {@code null}. */
  @Nullable
  public StateTable<?, ?> table(String name) {
    return tables.get(name);
  }

  public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
    ValueState<T> state = registered(d, ValueState.class);
    if (state != null) {
      return state;
    }
    if (d.getTtlConfig() != null) {
      return register(d, TtlStates.value(this, d));
    }
    StateTable<Object, T> table = newTable(d);
    return register(d, new HeapValueState<>(this, table, valueSerializer(d, table)));
  }

  public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
    ListState<T> state = registered(d, ListState.class);
    if (state != null) {
      return state;
    }
    return register(d, d.getTtlConfig() != null ? TtlStates.list(this, d) : new HeapListState<>(this, newTable(d)));
  }

  public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> d) {
    MapState<K, V> state = registered(d, MapState.class);
    if (state != null) {
      return state;
    }
    return register(d, d.getTtlConfig() != null ? TtlStates.map(this, d) : new HeapMapState<>(this, newTable(d)));
  }

  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
    ReducingState<T> state = registered(d, ReducingState.class);
    if (state != null) {
      return state;
    }
    if (d.getTtlConfig() != null) {
      return register(d, TtlStates.reducing(this, d));
    }
    StateTable<Object, T> table = newTable(d);
    return register(d, new HeapReducingState<>(this, table, d.getReduceFunction(), valueSerializer(d, table)));
  }

  public <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> d) {
    AggregatingState<I, O> state = registered(d, AggregatingState.class);
    if (state != null) {
      return state;
    }
    if (d.getTtlConfig() != null) {
      return register(d, TtlStates.aggregating(this, d));
    }
    StateTable<Object, A> table = newTable(d);
    return register(d, new HeapAggregatingState<>(this, table, d.getAggregateFunction(), valueSerializer(d, table)));
  }

  /**
   * A value state for a per-key structure of the runtime that the operator changes in place (a
   * window's slices, the sessions in flight of a key): it keeps the objects themselves, so a read
   * returns the stored object, not a copy, and a change needs no write back; snapshots write and
   * read its values with codecs from {@code codec} (one per thread; the subtask also copies with
   * them the values a snapshot in progress still holds, see {@link StateMap#freeze}). Registered
   * under {@code name} like any state, so it is scoped by key and namespace, snapshotted per key
   * group and rescaled with the other states.
   */
  public <T> ValueState<T> getInPlaceState(String name, Supplier<? extends StateValueCodec<T>> codec) {
    ValueStateDescriptor<T> d = new ValueStateDescriptor<>(name, TypeInfo.unknown());
    ValueState<T> state = registered(d, ValueState.class);
    if (state != null) {
      return state;
    }
    StateTable<Object, T> table = newTable(d);
    table.setCodec(codec);
    return register(d, new HeapValueState<>(this, table, null));
  }

  /**
   * How a value, reducing or aggregating state keeps its values: as bytes, with the serializer
   * returned ({@link #binarySerializer}), or as objects ({@code null}); see {@link TypeShapes}.
   * Values that hold collections are kept as objects, since reading them back from bytes on every
   * access costs time in their size. Deeply immutable records that hold text (a record of strings
   * and numbers, say) are kept as the objects themselves and marked so on {@code table}: a read is
   * then free instead of decoding strings, and since no one can change them in place, snapshots
   * share them without copies. Records of numbers alone are kept as bytes.
   */
  @Nullable
  private <T> TypeSerializer<T> valueSerializer(StateDescriptor<T> d, StateTable<?, ?> table) {
    TypeInfo<T> type = d.getType();
    if (!type.isUnknown() && TypeShapes.keepsObjects(type.type())) {
      if (TypeShapes.isImmutable(type.type())) {
        table.markImmutableValues();
      }
      return null;
    }
    return binarySerializer(d);
  }

  /**
   * The serializer to keep the state's values as bytes with, or {@code null} to keep objects
   * when the type is not known at build time or has no serializer.
   */
  @Nullable
  <T> TypeSerializer<T> binarySerializer(StateDescriptor<T> d) {
    TypeInfo<T> type = d.getType();
    if (type.isUnknown()) {
      return null;
    }
    try {
      return type.createSerializer(serializerConfig);
    } catch (InvalidTypeException e) {
      return null;
    }
  }

  private <N, V> StateTable<N, V> newTable(StateDescriptor<?> d) {
    return newTable(d, null);
  }

  /** A new table for the state of {@code d}; {@code ttl} is the layout of a state with time-to-live. */
  <N, V> StateTable<N, V> newTable(StateDescriptor<?> d, @Nullable TtlLayout<V> ttl) {
    StateTable<N, V> table = new StateTable<>(d, range, ttl);
    tables.put(d.getName(), table);
    tableArray = tables.values().toArray(new StateTable<?, ?>[0]);
    return table;
  }

  /** Runs {@code cleanup} whenever a key is set, besides at accesses of its state. */
  void runForEveryRecord(TtlIncrementalCleanup<?> cleanup) {
    TtlIncrementalCleanup<?>[] old = perRecordCleanups;
    TtlIncrementalCleanup<?>[] grown =
        old == null ? new TtlIncrementalCleanup<?>[1] : Arrays.copyOf(old, old.length + 1);
    grown[grown.length - 1] = cleanup;
    perRecordCleanups = grown;
  }

  /** Fills a newly registered state with its restored values; called once its mode is known. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void restoreInto(StateTable<?, ?> table) {
    List<KeyedStateSnapshots.RestoredEntry> entries = restored.states.remove(table.descriptor().getName());
    StateValueCodec<Object> codec = table.isBinary() ? null : KeyedStateSnapshots.codecOf(table, serializerConfig);
    // values kept as objects may be changed in place, so a snapshot in progress needs its own,
    // unless they are immutable
    ((StateTable) table).setValueCopier(codec == null || table.hasImmutableValues() ? null
        : (UnaryOperator<Object>) codec::copy);
    if (entries == null) {
      return;
    }
    DataInputDeserializer in = new DataInputDeserializer();
    try {
      for (KeyedStateSnapshots.RestoredEntry e : entries) {
        StateMap map = table.map(e.keyGroupIndex());
        if (codec == null) {
          StateMap.Entry entry = map.put(e.key(), e.namespace(), null);
          map.arena().store(entry, e.value(), e.value().length, map);
        } else {
          in.setBuffer(e.value(), 0, e.value().length);
          map.put(e.key(), e.namespace(), codec.read(in));
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("Cannot restore state '" + table.descriptor().getName() + "' of operator '"
          + operatorName + "': " + ex.getMessage(), ex);
    }
  }

  /**
   * Registers keyed data to snapshot with the states under {@code name} (one per name), and
   * returns its restored sections, one per restored key group it had data in.
   */
  public List<byte[]> registerParticipant(String name, KeyedSnapshotParticipant participant) {
    if (participants.putIfAbsent(name, participant) != null) {
      throw new IllegalStateException("Bug in operator '" + operatorName + "': '" + name + "' registered twice");
    }
    List<byte[]> sections = restored.sections.remove(name);
    return sections == null ? List.of() : sections;
  }

  /** Reads a key in the snapshot format. */
  public Object readKey(DataInputView in) throws IOException {
    return keySerializer.deserialize(in);
  }

  /** Reads a namespace in the snapshot format. */
  public Object readNamespace(DataInputView in) throws IOException {
    return namespaces.deserialize(in);
  }

  /**
   * The synchronous part of a snapshot, on the subtask's thread: freezes the states and lets the
   * participants capture their data. The returned snapshot is written later, on any thread,
   * while the subtask goes on ({@link KeyedStateSnapshot#write()}).
   */
  public KeyedStateSnapshot beginSnapshot() {
    Map<String, KeyedSnapshotParticipant.SectionWriter> writers = new LinkedHashMap<>();
    for (Map.Entry<String, KeyedSnapshotParticipant> p : participants.entrySet()) {
      writers.put(p.getKey(), p.getValue().beginSnapshot());
    }
    return new KeyedStateSnapshot(range, tables, new HashMap<>(restored.states), writers,
        new KeyedStateSnapshot.Writers(keySerializer.duplicate(), new NamespaceSerializer(serializerConfig)),
        table -> KeyedStateSnapshots.codecOf(table, serializerConfig));
  }

  /**
   * Snapshots every owned key group that holds something: states, restored states not registered
   * again, and participants. Keyed by key group. Both parts at once, on the calling thread.
   */
  public Map<Integer, byte[]> snapshot() throws IOException {
    return beginSnapshot().write();
  }

  /** The state already registered under the descriptor's name, or {@code null}. */
  @SuppressWarnings("unchecked")
  @Nullable
  private <S extends State> S registered(StateDescriptor<?> d, Class<?> kind) {
    State existing = states.get(d.getName());
    if (existing != null && !kind.isInstance(existing)) {
      throw new IllegalStateException(
          "Operator '" + operatorName + "' registers state '" + d.getName() + "' as " + kind.getSimpleName()
              + ", but it is already registered as another kind; give each state its own name");
    }
    // without TTL on either side this costs a field read and a type check
    if (existing != null && (d.getTtlConfig() != null || existing instanceof TtlState)) {
      StateTtlConfig registeredTtl = existing instanceof TtlState<?, ?> ttl ? ttl.policy.config() : null;
      if (!Objects.equals(registeredTtl, d.getTtlConfig())) {
        throw new IllegalStateException(
            "Operator '" + operatorName + "' asks for state '" + d.getName() + "' with time-to-live "
                + (d.getTtlConfig() == null ? "off" : d.getTtlConfig()) + ", but it is already registered with "
                + (registeredTtl == null ? "none" : registeredTtl)
                + "; a state keeps its TTL for the operator's lifetime");
      }
    }
    return (S) existing;
  }

  private <S extends State> S register(StateDescriptor<?> d, S state) {
    states.put(d.getName(), state);
    return state;
  }
}
