package weir.runtime.state;

import java.util.function.Consumer;
import javax.annotation.Nullable;

/**
 * The values of one state in one key group: a chained hash table keyed by (key, namespace).
 * Entries are mutable so that a read followed by a write of the same key costs one lookup; an
 * entry is only allocated when a key first gets a value.
 *
 * <p>Owned by the subtask's thread.
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

  private Entry<K, N, V>[] table = newTable(INITIAL_CAPACITY);
  private int size;
  @Nullable private ValueArena arena;

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

  private static int hash(Object key, Object namespace) {
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

  /** Visits every entry; the map must not change meanwhile. */
  public void forEach(Consumer<Entry<K, N, V>> visitor) {
    for (Entry<K, N, V> head : table) {
      for (Entry<K, N, V> e = head; e != null; e = e.next) {
        visitor.accept(e);
      }
    }
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
