package weir.runtime.window;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.annotation.Nullable;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeSerializer;

/**
 * The slice accumulators of one key, side by side: slot {@code id mod capacity} holds slice
 * {@code id}. One keyed-state entry per key instead of one per slice.
 *
 * <p>Why: evaluating a window reads all its slices. As separate state entries they lie anywhere
 * in memory, and with many keys each read is a cache miss; here a key's slices share a few cache
 * lines, found with one lookup, in {@link AccumulatorSlots}.
 *
 * <p>The ring's timer is the key's pending window timer.
 *
 * <p>Owned by the subtask's thread; the scratch buffers are the operator's, shared by all rings.
 */
final class SliceRing<A> extends AccumulatorSlots<A> {
  private static final long EMPTY = Long.MIN_VALUE;
  private static final int INITIAL_CAPACITY = 16;

  private long[] ids;
  private int size;

  SliceRing(boolean binary, int slotWidth) {
    super(binary, INITIAL_CAPACITY, slotWidth);
    this.ids = new long[INITIAL_CAPACITY];
    Arrays.fill(ids, EMPTY);
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The accumulator of slice {@code id}, or {@code null} when the slice is empty. */
  @Nullable
  A get(long id, @Nullable TypeSerializer<A> serializer, DataInputDeserializer in) throws IOException {
    int slot = slot(id);
    return ids[slot] == id ? accumulatorAt(slot, serializer, in) : null;
  }

  /** Sets the accumulator of slice {@code id}; {@code out} is scratch space. */
  void put(long id, A acc, @Nullable TypeSerializer<A> serializer, DataOutputSerializer out) throws IOException {
    setAccumulatorAt(claim(id), acc, serializer, out);
  }

  /** The slot of slice {@code id}, taken for it if it was empty; grows the ring if another slice holds it. */
  private int claim(long id) {
    int slot = slot(id);
    if (ids[slot] != id && ids[slot] != EMPTY) {
      grow(id);
      slot = slot(id);
    }
    if (ids[slot] == EMPTY) {
      ids[slot] = id;
      size++;
    }
    return slot;
  }

  /** Empties the slot of slice {@code id}, if it holds it. */
  void remove(long id) {
    int slot = slot(id);
    if (ids[slot] == id) {
      ids[slot] = EMPTY;
      clearAt(slot);
      size--;
    }
  }

  /** The smallest slice id held; only call when not empty. */
  long minId() {
    long min = Long.MAX_VALUE;
    for (long id : ids) {
      if (id != EMPTY && id < min) {
        min = id;
      }
    }
    return min;
  }

  private int slot(long id) {
    return (int) (id & (ids.length - 1));
  }

  /** Doubles the capacity until {@code id} and every held slice have slots of their own. */
  private void grow(long id) {
    int capacity = ids.length;
    while (true) {
      capacity *= 2;
      if (fits(capacity, id)) {
        break;
      }
    }
    long[] oldIds = ids;
    int[] targets = new int[oldIds.length];
    ids = new long[capacity];
    Arrays.fill(ids, EMPTY);
    for (int old = 0; old < oldIds.length; old++) {
      if (oldIds[old] == EMPTY) {
        targets[old] = -1;
        continue;
      }
      int slot = (int) (oldIds[old] & (capacity - 1));
      ids[slot] = oldIds[old];
      targets[old] = slot;
    }
    relayout(capacity, targets);
  }

  private boolean fits(int capacity, long id) {
    long mask = capacity - 1;
    boolean[] used = new boolean[capacity];
    used[(int) (id & mask)] = true;
    for (long held : ids) {
      if (held != EMPTY) {
        int slot = (int) (held & mask);
        if (used[slot]) {
          return false;
        }
        used[slot] = true;
      }
    }
    return true;
  }

  /**
   * Writes the rings of one operator to snapshots and reads them back, key by key, in the
   * format of {@link AccumulatorSlots.Codec} (version 1), an entry being a slice:
   *
   * <pre>
   * entry : long slice id, accumulator
   * </pre>
   */
  static final class Codec<A> extends AccumulatorSlots.Codec<SliceRing<A>, A> {
    private final int slotWidth;

    /** Makes codecs with the arguments of the constructor, one per thread that uses one. */
    static <A> Supplier<Codec<A>> factory(boolean binary, int slotWidth, SerializerConfig config) {
      return () -> new Codec<>(binary, slotWidth, config);
    }

    /**
     * @param binary whether the operator keeps accumulators as bytes
     * @param slotWidth the slot width of a new ring
     * @param config for the serializer of accumulators kept as objects
     */
    Codec(boolean binary, int slotWidth, SerializerConfig config) {
      super(1, "slices of a window", binary, config);
      this.slotWidth = slotWidth;
    }

    @Override
    SliceRing<A> create(boolean binary) {
      return new SliceRing<>(binary, slotWidth);
    }

    @Override
    int count(SliceRing<A> ring) {
      return ring.size;
    }

    @Override
    void writeEntries(SliceRing<A> ring, DataOutputView out) throws IOException {
      for (int slot = 0; slot < ring.ids.length; slot++) {
        if (ring.ids[slot] != EMPTY) {
          out.writeLong(ring.ids[slot]);
          writeAccumulator(ring, slot, out);
        }
      }
    }

    @Override
    void readEntry(SliceRing<A> ring, DataInputView source) throws IOException {
      readAccumulator(ring, ring.claim(source.readLong()), source);
    }
  }
}
