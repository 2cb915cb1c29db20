package weir.runtime.state;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.annotation.Nullable;

/**
 * The values of one state in one key group: a chained hash table keyed by (key, namespace).
 * Entries are mutable so that a read followed by a write of the same key costs one lookup; an
 * entry is only allocated when a key first gets a value.
 *
 * <p>Snapshots: {@link #freeze()} copies what a snapshot needs into a {@link Frozen} view that
 * the snapshot may then write on another thread: each entry's key and namespace, and its value
 * bytes (a copy of the arena, binary mode) or value object. That costs a walk over the entries
 * and a copy of the arena, but no object per entry, so the state does not churn the heap at
 * every checkpoint. Values kept as objects are not copied then: they are marked shared and
 * copied one by one, copy-on-write, when the subtask first reads one for writing ({@link
 * #ownValue}), since the subtask may change such a value in place.
 *
 * <p>Owned by the subtask's thread; a {@link Frozen} view may be read on any thread.
 */
public final class StateMap<K, N, V> {
  private static final int INITIAL_CAPACITY = 64;

  /** One (key, namespace) and its value. */
  public static final class Entry<K, N, V> {
    final K key;
    final N namespace;
    final int hash;
    V value;
    @Nullable Entry<K, N, V> next;
    // where the serialized value lies in the map's arena (binary mode); offset -1: none
    int offset = -1;
    int length;
    int capacity;
    // the value object is also a frozen snapshot's: copy it before the subtask may change it
    boolean sharedValue;

    Entry(K key, N namespace, int hash, V value, @Nullable Entry<K, N, V> next) {
      this.key = key;
      this.namespace = namespace;
      this.hash = hash;
      this.value = value;
      this.next = next;
    }

    public K key() {
      return key;
    }

    public N namespace() {
      return namespace;
    }

    public V value() {
      return value;
    }

    public void setValue(V value) {
      this.value = value;
    }
  }

  /**
   * The map as it was when a snapshot froze it, as flat arrays: never changed again, so it may be
   * read on the snapshot's thread while the subtask goes on.
   */
  public static final class Frozen<K, N, V> {
    private final Object[] keys;
    private final Object[] namespaces;
    // binary mode: where each value lies in the arena copy; objects: the values
    @Nullable private final int[] offsets;
    @Nullable private final int[] lengths;
    @Nullable private final byte[] arena;
    @Nullable private final Object[] values;

    private Frozen(Object[] keys, Object[] namespaces, @Nullable int[] offsets, @Nullable int[] lengths,
        @Nullable byte[] arena, @Nullable Object[] values) {
      this.keys = keys;
      this.namespaces = namespaces;
      this.offsets = offsets;
      this.lengths = lengths;
      this.arena = arena;
      this.values = values;
    }

    /** The number of entries. */
    public int size() {
      return keys.length;
    }

    @SuppressWarnings("unchecked")
    public K key(int i) {
      return (K) keys[i];
    }

    @SuppressWarnings("unchecked")
    public N namespace(int i) {
      return (N) namespaces[i];
    }

    /** The value object of entry {@code i} (values kept as objects). */
    @SuppressWarnings("unchecked")
    public V value(int i) {
      return (V) values[i];
    }

    /** Where the value bytes of entry {@code i} start in {@link #arena()} (binary mode). */
    public int offset(int i) {
      return offsets[i];
    }

    /** The length of the value bytes of entry {@code i} (binary mode). */
    public int length(int i) {
      return lengths[i];
    }

    /** A copy of the arena's bytes, where the values lie (binary mode), or {@code null}. */
    @Nullable
    byte[] arena() {
      return arena;
    }
  }

  private Entry<K, N, V>[] table = newTable(INITIAL_CAPACITY);
  private int size;
  @Nullable private ValueArena arena;
  // copies values kept as objects that the subtask may change in place; null: values are bytes
  @Nullable private UnaryOperator<V> copier;

  /** Sets how values kept as objects are copied when a snapshot shares them. */
  void setValueCopier(@Nullable UnaryOperator<V> copier) {
    this.copier = copier;
  }

  /**
   * Copies the map's contents for a snapshot (see the class comment): the keys, namespaces and
   * value bytes or objects; values kept as objects are marked shared, to be copied before the
   * subtask changes them.
   */
  Frozen<K, N, V> freeze(boolean binary) {
    Object[] keys = new Object[size];
    Object[] namespaces = new Object[size];
    int[] offsets = binary ? new int[size] : null;
    int[] lengths = binary ? new int[size] : null;
    Object[] values = binary ? null : new Object[size];
    int i = 0;
    for (Entry<K, N, V> head : table) {
      for (Entry<K, N, V> e = head; e != null; e = e.next) {
        keys[i] = e.key;
        namespaces[i] = e.namespace;
        if (binary) {
          offsets[i] = e.offset;
          lengths[i] = e.length;
        } else {
          values[i] = e.value;
          e.sharedValue = copier != null && e.value != null;
        }
        i++;
      }
    }
    return new Frozen<>(keys, namespaces, offsets, lengths, binary ? arena().snapshotCopy() : null, values);
  }

  /**
   * Makes the value of {@code entry} (an entry of this map) the subtask's own: copies it if a
   * snapshot still holds it. Call before handing a value kept as an object to code that may
   * change it in place.
   */
  void ownValue(Entry<K, N, V> entry) {
    if (entry.sharedValue) {
      entry.value = copier.apply(entry.value);
      entry.sharedValue = false;
    }
  }

  /** The arena of binary values, created on first use. */
  ValueArena arena() {
    if (arena == null) {
      arena = new ValueArena();
    }
    return arena;
  }

  @SuppressWarnings("unchecked")
  private static <K, N, V> Entry<K, N, V>[] newTable(int capacity) {
    return (Entry<K, N, V>[]) new Entry<?, ?, ?>[capacity];
  }

  static int hash(Object key, Object namespace) {
    int h = key.hashCode() * 31 + namespace.hashCode();
    return h ^ (h >>> 16) ^ (h >>> 7);
  }

  /** The entry of (key, namespace), or {@code null}. */
  @Nullable
  public Entry<K, N, V> getEntry(K key, N namespace) {
    int h = hash(key, namespace);
    for (Entry<K, N, V> e = table[h & (table.length - 1)]; e != null; e = e.next) {
      if (e.hash == h && (e.key == key || e.key.equals(key)) && (e.namespace == namespace || e.namespace.equals(namespace))) {
        return e;
      }
    }
    return null;
  }

  /** The first entry of the chain where entries with hash {@code h} lie, or {@code null}: a read-ahead step. */
  @Nullable
  Entry<K, N, V> chainOf(int h) {
    return table[h & (table.length - 1)];
  }

  /** The first byte of a value in the arena: a read-ahead step; 0 when there is none. */
  int firstValueByte(Entry<?, ?, ?> e) {
    return e.offset >= 0 && arena != null ? arena.data()[e.offset] : 0;
  }

  /** The value of (key, namespace), or {@code null}. */
  @Nullable
  public V get(K key, N namespace) {
    Entry<K, N, V> e = getEntry(key, namespace);
    return e == null ? null : e.value;
  }

  /** Sets the value of (key, namespace) and returns its entry. */
  public Entry<K, N, V> put(K key, N namespace, V value) {
    Entry<K, N, V> e = getEntry(key, namespace);
    if (e != null) {
      e.value = value;
      e.sharedValue = false;
      return e;
    }
    int h = hash(key, namespace);
    if (size >= table.length - (table.length >>> 2)) {
      resize();
    }
    int index = h & (table.length - 1);
    e = new Entry<>(key, namespace, h, value, table[index]);
    table[index] = e;
    size++;
    return e;
  }

  /** Removes (key, namespace); returns the old value or {@code null}. */
  @Nullable
  public V remove(K key, N namespace) {
    int h = hash(key, namespace);
    int index = h & (table.length - 1);
    Entry<K, N, V> prev = null;
    for (Entry<K, N, V> e = table[index]; e != null; prev = e, e = e.next) {
      if (e.hash == h && e.key.equals(key) && e.namespace.equals(namespace)) {
        if (prev == null) {
          table[index] = e.next;
        } else {
          prev.next = e.next;
        }
        if (arena != null) {
          arena.release(e);
        }
        size--;
        return e.value;
      }
    }
    return null;
  }

  /** The number of entries. */
  public int size() {
    return size;
  }

  /** Visits every entry; the map must not change meanwhile, nor the visitor change values. */
  public void forEach(Consumer<Entry<K, N, V>> visitor) {
    for (Entry<K, N, V> head : table) {
      for (Entry<K, N, V> e = head; e != null; e = e.next) {
        visitor.accept(e);
      }
    }
  }

  /**
   * Where an incremental {@link #scan} of one map stopped: the bucket, and the entry of that
   * bucket's chain to go on with ({@code null}: its head). Owned by whoever scans.
   */
  static final class ScanCursor {
    int bucket;
    @Nullable Entry<?, ?, ?> next;
  }

  /** Looks at one entry during a {@link #scan}; answers whether to remove it. */
  @FunctionalInterface
  interface ScanVisitor<K, N, V> {
    boolean shouldRemove(Entry<K, N, V> entry);
  }

  // how many buckets a scan may move through: a table's worth of a new map, plus a few per entry
  // it may visit. Bounds the cost of a step in a map that grew large and then emptied (the table
  // never shrinks), while a small map is gone round in one step.
  private static final int SCAN_BUCKETS_PER_ENTRY = 4;

  /**
   * Visits up to {@code limit} entries (and never one twice), going on from where {@code cursor}
   * stopped and wrapping around at the end of the table, and removes those the visitor asks to;
   * returns the number removed. Calling it again and again goes round the whole map. A step
   * moves over at most {@code 64 + 4 * limit} buckets, so in a sparse table it may visit fewer
   * entries.
   *
   * <p>The map may change between two calls. An entry put meanwhile is visited when the scan
   * next reaches its bucket; if the entry to go on with was removed, or a resize moved it, the
   * scan restarts at the head of the cursor's bucket. A resize only doubles the table, so each
   * old bucket {@code b} splits into {@code b} and {@code b + oldLength}: buckets already passed
   * may be visited again, none is skipped.
   */
  int scan(ScanCursor cursor, int limit, ScanVisitor<K, N, V> visitor) {
    if (size == 0) {
      cursor.bucket = 0;
      cursor.next = null;
      return 0;
    }
    int mask = table.length - 1;
    int bucket = cursor.bucket & mask;
    Entry<K, N, V> prev = null;
    Entry<K, N, V> e = table[bucket];
    if (cursor.next != null) {
      for (Entry<K, N, V> p = null, x = table[bucket]; x != null; p = x, x = x.next) {
        if (x == cursor.next) {
          prev = p;
          e = x;
          break;
        }
      }
    }
    int toVisit = Math.min(limit, size);
    int bucketMoves = INITIAL_CAPACITY + toVisit * SCAN_BUCKETS_PER_ENTRY;
    int removed = 0;
    while (toVisit > 0) {
      if (e == null) {
        if (--bucketMoves < 0) {
          break;
        }
        bucket = (bucket + 1) & mask;
        prev = null;
        e = table[bucket];
        continue;
      }
      Entry<K, N, V> next = e.next;
      toVisit--;
      ownValue(e); // the visitor may change it
      if (visitor.shouldRemove(e)) {
        if (prev == null) {
          table[bucket] = next;
        } else {
          prev.next = next;
        }
        if (arena != null) {
          arena.release(e);
        }
        size--;
        removed++;
      } else {
        prev = e;
      }
      e = next;
    }
    if (e == null) {
      // the bucket is done: the next scan starts at the following one
      cursor.bucket = (bucket + 1) & mask;
      cursor.next = null;
    } else {
      cursor.bucket = bucket;
      cursor.next = e;
    }
    return removed;
  }

  private void resize() {
    Entry<K, N, V>[] old = table;
    Entry<K, N, V>[] grown = newTable(old.length * 2);
    int mask = grown.length - 1;
    for (Entry<K, N, V> head : old) {
      Entry<K, N, V> e = head;
      while (e != null) {
        Entry<K, N, V> next = e.next;
        int index = e.hash & mask;
        e.next = grown[index];
        grown[index] = e;
        e = next;
      }
    }
    table = grown;
  }
}
