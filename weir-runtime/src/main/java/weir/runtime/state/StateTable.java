package weir.runtime.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.annotation.Nullable;
import weir.api.state.StateDescriptor;
import weir.api.state.StateTtlConfig;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.TypeSerializer;

/**
 * All values of one named state of a subtask: one {@link StateMap} per owned key group, so that
 * snapshots and rescaling work key group by key group.
 *
 * <p>A state with time-to-live stores its values with their last-access times ({@link
 * TtlLayout}); its table knows the layout, to filter snapshots ({@link #ttlSnapshotFilter()}) and
 * to show values without the times ({@link #userValue}).
 */
public final class StateTable<N, V> {
  private final StateDescriptor<?> descriptor;
  private final StateMap<Object, N, V>[] maps;
  @Nullable private TypeSerializer<V> serializer;
  // for a state kept as objects whose descriptor cannot say how to write them: makes the codecs
  // that snapshots and restores use (one per thread)
  @Nullable private Supplier<? extends StateValueCodec<V>> codec;
  private boolean immutableValues;
  // set for state with time-to-live: how its values carry their times
  @Nullable private final TtlLayout<V> ttl;

  /** @param ttl the layout of a state with time-to-live, {@code null} for one without */
  @SuppressWarnings("unchecked")
  StateTable(StateDescriptor<?> descriptor, KeyGroupRange range, @Nullable TtlLayout<V> ttl) {
    this.descriptor = descriptor;
    this.ttl = ttl;
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

  /**
   * Sets how values kept as objects are copied while a snapshot shares them; {@code null} for
   * values kept as bytes. Called once the state's mode is known, before any snapshot.
   */
  void setValueCopier(@Nullable UnaryOperator<V> copier) {
    for (StateMap<Object, N, V> map : maps) {
      map.setValueCopier(copier);
    }
  }

  /** Copies every map's contents for a snapshot (see {@link StateMap#freeze}); one per key group index. */
  @SuppressWarnings("unchecked")
  StateMap.Frozen<Object, N, V>[] freeze() {
    StateMap.Frozen<Object, N, V>[] frozen = (StateMap.Frozen<Object, N, V>[]) new StateMap.Frozen<?, ?, ?>[maps.length];
    for (int i = 0; i < maps.length; i++) {
      frozen[i] = maps[i].freeze(serializer != null);
    }
    return frozen;
  }

  /** Marks the values as deeply immutable objects: kept as they are, never copied. */
  void markImmutableValues() {
    immutableValues = true;
  }

  /** Whether the values are deeply immutable objects (see {@link #markImmutableValues}). */
  boolean hasImmutableValues() {
    return immutableValues;
  }

  /** Whether values are kept serialized in the maps' arenas. */
  boolean isBinary() {
    return serializer != null;
  }

  /** Marks the table as binary: its values are kept serialized with {@code serializer}. */
  void setSerializer(@Nullable TypeSerializer<V> serializer) {
    this.serializer = serializer;
  }

  /** Makes the codecs of an in-place state's values, or {@code null} to derive them from the descriptor. */
  @Nullable
  Supplier<? extends StateValueCodec<V>> codec() {
    return codec;
  }

  /** Sets how snapshots write the values, which are kept as objects; before any value is restored. */
  void setCodec(Supplier<? extends StateValueCodec<V>> codec) {
    this.codec = codec;
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

  /**
   * What the state's handles would show of (key, namespace) in the key group at {@code index}, or
   * {@code null}: like {@link #get}, but for a state with time-to-live the value(s) without their
   * last-access times, including expired ones not removed yet. For inspection, not for the record
   * path.
   */
  @Nullable
  public Object userValue(int index, Object key, N namespace) {
    V stored = get(index, key, namespace);
    return stored == null || ttl == null ? stored : ttl.unwrap(stored);
  }

  /** The time-to-live configuration the state was registered with, or {@code null}. */
  @Nullable
  public StateTtlConfig ttlConfig() {
    return ttl == null ? null : ttl.policy.config();
  }

  /**
   * The filter a full snapshot applies to leave out expired values, or {@code null} when the
   * state has no time-to-live or its configuration does not ask for {@code cleanupFullSnapshot()}.
   * Call it on the subtask's thread when the snapshot starts: the filter judges entries at that
   * time. See {@link TtlSnapshotFilter} for the calls per entry.
   */
  @Nullable
  public TtlSnapshotFilter<V> ttlSnapshotFilter() {
    return ttl == null || !ttl.policy.config().isCleanupFullSnapshot() ? null : new TtlSnapshotFilter<>(ttl);
  }

  /** The layout of a state with time-to-live, or {@code null}. */
  @Nullable
  TtlLayout<V> ttlLayout() {
    return ttl;
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
