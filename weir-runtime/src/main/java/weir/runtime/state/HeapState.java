package weir.runtime.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import javax.annotation.Nullable;
import weir.api.state.State;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.TypeSerializer;

/**
 * Base of heap states: finds the entry of the backend's current key and the state's current
 * namespace, remembering it so that a read and a write of the same key in one call cost one
 * lookup.
 *
 * <p>Owned by the subtask's thread.
 */
abstract class HeapState<N, V> implements InternalKvState<N> {
  private final HeapKeyedStateBackend backend;
  private final StateTable<N, V> table;
  // binary mode when set: values live serialized in the maps' arenas
  @Nullable private final TypeSerializer<V> serializer;
  @Nullable private final DataOutputSerializer out;
  @Nullable private final DataInputDeserializer in;
  private N namespace;
  @Nullable private Object cachedKey;
  @Nullable private StateMap.Entry<Object, N, V> cachedEntry;

  /**
   * @param serializer when not {@code null}, values are kept serialized (see {@link ValueArena})
   *     and every read returns a fresh copy; states that change their values in place (lists,
   *     maps) pass {@code null} and keep objects
   */
  @SuppressWarnings("unchecked")
  HeapState(HeapKeyedStateBackend backend, StateTable<N, V> table, @Nullable TypeSerializer<V> serializer) {
    this.backend = backend;
    this.table = table;
    this.namespace = (N) VoidNamespace.INSTANCE;
    this.serializer = serializer;
    table.setSerializer(serializer);
    backend.restoreInto(table);
    this.out = serializer == null ? null : new DataOutputSerializer(64);
    this.in = serializer == null ? null : new DataInputDeserializer();
  }

  /** Scopes the state to {@code namespace} (windows use this); all state starts in the void one. */
  @Override
  public void setCurrentNamespace(N namespace) {
    this.namespace = namespace;
    this.cachedKey = null;
  }

  /** The current value, or {@code null}. */
  @Nullable
  final V current() {
    StateMap.Entry<Object, N, V> e = entry();
    if (e == null) {
      return null;
    }
    if (serializer == null) {
      if (e.sharedValue) {
        map().ownValue(e); // a snapshot still holds it, and the caller may change it in place
      }
      return e.value;
    }
    in.setBuffer(map().arena().data(), e.offset, e.length);
    try {
      return serializer.deserialize(in);
    } catch (IOException ex) {
      throw new UncheckedIOException("Cannot read state '" + table.descriptor().getName() + "'", ex);
    }
  }

  /** Sets the current value; {@code null} removes it. */
  final void setCurrent(@Nullable V value) {
    if (value == null) {
      clear();
      return;
    }
    StateMap.Entry<Object, N, V> e = entry();
    if (serializer == null) {
      if (e != null) {
        e.value = value;
        e.sharedValue = false;
      } else {
        Object key = backend.currentKey();
        cachedEntry = map().put(key, namespace, value);
        cachedKey = key;
      }
      return;
    }
    out.clear();
    try {
      serializer.serialize(value, out);
    } catch (IOException ex) {
      throw new UncheckedIOException("Cannot write state '" + table.descriptor().getName() + "'", ex);
    }
    StateMap<Object, N, V> map = map();
    if (e == null) {
      Object key = backend.currentKey();
      e = map.put(key, namespace, null);
      cachedEntry = e;
      cachedKey = key;
    }
    map.arena().store(e, out.getSharedBuffer(), out.position(), map);
  }

  /**
   * Merges the values of {@code sources} into {@code target} with {@code merger} (for the
   * states that implement {@link InternalMergingState}), keeping the current namespace.
   */
  final void mergeInto(N target, Iterable<N> sources, ValueMerger<V> merger) throws Exception {
    N saved = namespace;
    V merged = null;
    for (N source : sources) {
      if (source.equals(target)) {
        continue;
      }
      setCurrentNamespace(source);
      V value = current();
      if (value != null) {
        clear();
        merged = merged == null ? value : merger.merge(merged, value);
      }
    }
    if (merged != null) {
      setCurrentNamespace(target);
      V existing = current();
      setCurrent(existing == null ? merged : merger.merge(existing, merged));
    }
    setCurrentNamespace(saved);
  }

  /** Combines two values of a merging state. */
  @FunctionalInterface
  interface ValueMerger<V> {
    V merge(V a, V b) throws Exception;
  }

  @Nullable
  private StateMap.Entry<Object, N, V> entry() {
    Object key = backend.currentKey();
    if (key == cachedKey && cachedEntry != null) {
      return cachedEntry;
    }
    StateMap.Entry<Object, N, V> e = map().getEntry(key, namespace);
    cachedKey = e == null ? null : key;
    cachedEntry = e;
    return e;
  }

  private StateMap<Object, N, V> map() {
    return table.map(backend.currentKeyGroupIndex());
  }

  /**
   * Forgets the remembered entry; called after entries were removed from the table behind this
   * state's back (incremental TTL cleanup), since the remembered one may be among them.
   */
  final void forgetCachedEntry() {
    cachedKey = null;
    cachedEntry = null;
  }

  @Override
  public void clear() {
    map().remove(backend.currentKey(), namespace);
    cachedKey = null;
    cachedEntry = null;
  }
}
