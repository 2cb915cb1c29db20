package weir.runtime.state;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
 * <p>Owned by the subtask's thread. Snapshots (copy-on-write per key group) build on this
 * layout.
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
  @Nullable private Object currentKey;
  private int currentKeyGroupIndex;

  /**
   * @param serializerConfig used to create the serializers of value, reducing and aggregating
   *     states, whose values are then kept serialized
   * @param processingTime the subtask's processing time, for state with a processing-time TTL
   * @param eventTime the operator's watermark, for state with an event-time TTL; the operator's
   *     timer service advances it ({@link #eventTime()})
   */
  public HeapKeyedStateBackend(String operatorName, KeyGroupRange range, int maxParallelism,
      SerializerConfig serializerConfig, StateClock processingTime, WatermarkClock eventTime) {
    this.operatorName = operatorName;
    this.processingTime = processingTime;
    this.eventTime = eventTime;
    this.serializerConfig = serializerConfig;
    this.range = range;
    this.maxParallelism = maxParallelism;
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

  /** The current key. */
  public Object currentKey() {
    if (currentKey == null) {
      throw new IllegalStateException("Keyed state of operator '" + operatorName + "' used before any key was set");
    }
    return currentKey;
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
    return register(d, d.getTtlConfig() != null ? TtlStates.value(this, d)
        : new HeapValueState<>(this, newTable(d), binarySerializer(d)));
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
    return register(d, d.getTtlConfig() != null ? TtlStates.reducing(this, d)
        : new HeapReducingState<>(this, newTable(d), d.getReduceFunction(), binarySerializer(d)));
  }

  public <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> d) {
    AggregatingState<I, O> state = registered(d, AggregatingState.class);
    if (state != null) {
      return state;
    }
    return register(d, d.getTtlConfig() != null ? TtlStates.aggregating(this, d)
        : new HeapAggregatingState<>(this, newTable(d), d.getAggregateFunction(), binarySerializer(d)));
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
