package weir.runtime.state;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The serialized values of one {@link StateMap} in binary mode, packed into one byte array.
 *
 * <p>Why: a heap state that holds value objects makes every update store a reference to a new,
 * young object into an old entry; with G1 each such store dirties a card that concurrent
 * refinement must scan, and every young collection scans the cards again. Values kept as bytes
 * in a primitive array carry no references: updates are plain copies, the collector never looks
 * inside, and a value is one contiguous read instead of a chain of objects.
 *
 * <p>An update that fits into the value's slot is written in place; otherwise the value moves to
 * the end and its old slot becomes garbage. When the array is full and at most a quarter of it is
 * garbage, it grows as it is; otherwise live values are compacted into an array sized for them,
 * so garbage stays a bounded share. Both keep the values in the order they were placed: keys
 * that arrive together (often in the order they were first seen) then find their values close
 * together, where a layout in hash-table order would make each read a cache miss.
 *
 * <p>Owned by the subtask's thread.
 */
final class ValueArena {
  private static final int INITIAL_SIZE = 1024;

  private byte[] data = new byte[INITIAL_SIZE];
  private int used;
  private int garbage;

  byte[] data() {
    return data;
  }

  /** The used part of the bytes, copied, for a snapshot ({@link StateMap#freeze}): offsets stay valid. */
  byte[] snapshotCopy() {
    return Arrays.copyOf(data, used);
  }

  /** Stores {@code length} bytes of {@code source} as the value of {@code entry}. */
  void store(StateMap.Entry<?, ?, ?> entry, byte[] source, int length, StateMap<?, ?, ?> owner) {
    if (entry.offset >= 0 && length <= entry.capacity) {
      System.arraycopy(source, 0, data, entry.offset, length);
      entry.length = length;
      return;
    }
    release(entry);
    if (used + length > data.length) {
      compact(owner, length);
    }
    entry.offset = used;
    entry.capacity = length;
    entry.length = length;
    System.arraycopy(source, 0, data, used, length);
    used += length;
  }

  /** Frees the slot of an entry that is removed or moves. */
  void release(StateMap.Entry<?, ?, ?> entry) {
    if (entry.offset >= 0) {
      garbage += entry.capacity;
      entry.offset = -1;
    }
  }

  /**
   * Makes room for {@code extra} more bytes: grows the array as it is when little of it is garbage,
   * otherwise copies the live values of {@code owner}, in the order they lie, into a new array.
   */
  private void compact(StateMap<?, ?, ?> owner, int extra) {
    int live = used - garbage;
    int size = Math.max(INITIAL_SIZE, Integer.highestOneBit(Math.max(1, (live + extra) * 2 - 1)) << 1);
    if (garbage * 4 <= used) {
      data = Arrays.copyOf(data, Math.max(size, used + extra));
      return;
    }
    StateMap.Entry<?, ?, ?>[] placed = new StateMap.Entry<?, ?, ?>[owner.size()];
    int[] count = {0};
    owner.forEach(e -> {
      if (e.offset >= 0) {
        placed[count[0]++] = e;
      }
    });
    Arrays.sort(placed, 0, count[0], Comparator.comparingInt(e -> e.offset));
    byte[] old = data;
    byte[] fresh = new byte[size];
    int position = 0;
    for (int i = 0; i < count[0]; i++) {
      StateMap.Entry<?, ?, ?> e = placed[i];
      System.arraycopy(old, e.offset, fresh, position, e.length);
      e.offset = position;
      e.capacity = e.length;
      position += e.length;
    }
    data = fresh;
    used = position;
    garbage = 0;
  }
}
