package weir.runtime.window;

import java.io.IOException;
import java.util.Arrays;
import javax.annotation.Nullable;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.TypeSerializer;
import weir.runtime.state.ValueCodec;

/**
 * The slice accumulators of one key, side by side: slot {@code id mod capacity} holds slice
 * {@code id}. One keyed-state entry per key instead of one per slice.
 *
 * <p>Why: evaluating a window reads all its slices. As separate state entries they lie anywhere
 * in memory, and with many keys each read is a cache miss; here a key's slices share a few cache
 * lines, found with one lookup. With a serializer, accumulators are kept as bytes in a
 * primitive array updated in place (slots of a fixed width that grows when an accumulator
 * outgrows it), so updates store no references into this long-lived object, which keeps the
 * garbage collector's card refinement away (see {@code ValueArena}). Without one they are kept as
 * objects.
 *
 * <p>Owned by the subtask's thread; the scratch buffers are the operator's, shared by all rings.
 */
final class SliceRing<A> {
  private static final long EMPTY = Long.MIN_VALUE;
  private static final int INITIAL_CAPACITY = 16;

  private long[] ids;
  @Nullable private byte[] bytes;
  private int[] lengths;
  @Nullable private Object[] objects;
  private int slotWidth;
  private int size;
  /** The time of the key's one pending window timer, or {@code Long.MIN_VALUE}. */
  long timer = Long.MIN_VALUE;

  SliceRing(boolean binary, int slotWidth) {
    this.ids = new long[INITIAL_CAPACITY];
    Arrays.fill(ids, EMPTY);
    this.lengths = new int[INITIAL_CAPACITY];
    this.slotWidth = slotWidth;
    if (binary) {
      this.bytes = new byte[INITIAL_CAPACITY * slotWidth];
    } else {
      this.objects = new Object[INITIAL_CAPACITY];
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The accumulator of slice {@code id}, or {@code null} when the slice is empty. */
  @Nullable
  @SuppressWarnings("unchecked")
  A get(long id, @Nullable TypeSerializer<A> serializer, DataInputDeserializer in) throws IOException {
    int slot = slot(id);
    if (ids[slot] != id) {
      return null;
    }
    if (serializer == null) {
      return (A) objects[slot];
    }
    in.setBuffer(bytes, slot * slotWidth, lengths[slot]);
    return serializer.deserialize(in);
  }

  /** Sets the accumulator of slice {@code id}; {@code out} is scratch space. */
  void put(long id, A acc, @Nullable TypeSerializer<A> serializer, DataOutputSerializer out) throws IOException {
    int slot = claim(id);
    if (serializer == null) {
      objects[slot] = acc;
      return;
    }
    out.clear();
    serializer.serialize(acc, out);
    store(slot, out.getSharedBuffer(), out.position());
  }

  /** The slot of slice {@code id}, taken for it if it had none. */
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

  private void store(int slot, byte[] source, int length) {
    if (length > slotWidth) {
      widen(length);
    }
    System.arraycopy(source, 0, bytes, slot * slotWidth, length);
    lengths[slot] = length;
  }

  /** Empties the slot of slice {@code id}, if it holds it. */
  void remove(long id) {
    int slot = slot(id);
    if (ids[slot] == id) {
      ids[slot] = EMPTY;
      if (objects != null) {
        objects[slot] = null;
      }
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
    int[] oldLengths = lengths;
    byte[] oldBytes = bytes;
    Object[] oldObjects = objects;
    ids = new long[capacity];
    Arrays.fill(ids, EMPTY);
    lengths = new int[capacity];
    bytes = oldBytes == null ? null : new byte[capacity * slotWidth];
    objects = oldObjects == null ? null : new Object[capacity];
    for (int old = 0; old < oldIds.length; old++) {
      if (oldIds[old] == EMPTY) {
        continue;
      }
      int slot = (int) (oldIds[old] & (capacity - 1));
      ids[slot] = oldIds[old];
      lengths[slot] = oldLengths[old];
      if (bytes != null) {
        System.arraycopy(oldBytes, old * slotWidth, bytes, slot * slotWidth, oldLengths[old]);
      } else {
        objects[slot] = oldObjects[old];
      }
    }
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
   * Writes a key's slices into snapshots and reads them back:
   *
   * <pre>
   * long timer, int count, count × ( long slice id, accumulator )
   * </pre>
   *
   * with each accumulator as {@link AccumulatorCodec} writes it.
   */
  static final class Codec<A> implements ValueCodec<SliceRing<A>> {
    private final AccumulatorCodec<A> accumulators;
    private final int slotWidth;

    Codec(AccumulatorCodec<A> accumulators, int slotWidth) {
      this.accumulators = accumulators;
      this.slotWidth = slotWidth;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(SliceRing<A> ring, DataOutputView out) throws IOException {
      out.writeLong(ring.timer);
      out.writeInt(ring.size);
      for (int slot = 0; slot < ring.ids.length; slot++) {
        if (ring.ids[slot] == EMPTY) {
          continue;
        }
        out.writeLong(ring.ids[slot]);
        if (ring.bytes != null) {
          accumulators.writeBytes(ring.bytes, slot * ring.slotWidth, ring.lengths[slot], out);
        } else {
          accumulators.writeObject((A) ring.objects[slot], out);
        }
      }
    }

    @Override
    public SliceRing<A> read(DataInputView source) throws IOException {
      SliceRing<A> ring = new SliceRing<>(accumulators.keepsBytes(), slotWidth);
      ring.timer = source.readLong();
      int count = source.readInt();
      for (int i = 0; i < count; i++) {
        int slot = ring.claim(source.readLong());
        byte[] accumulator = accumulators.readBytes(source);
        if (ring.bytes != null) {
          ring.store(slot, accumulator, accumulator.length);
        } else {
          ring.objects[slot] = accumulators.object(accumulator);
        }
      }
      return ring;
    }
  }

  /** Re-lays the slots out wider, for an accumulator of {@code length} bytes. */
  private void widen(int length) {
    int width = Math.max(length, slotWidth * 2);
    byte[] wider = new byte[ids.length * width];
    for (int slot = 0; slot < ids.length; slot++) {
      if (ids[slot] != EMPTY) {
        System.arraycopy(bytes, slot * slotWidth, wider, slot * width, lengths[slot]);
      }
    }
    bytes = wider;
    slotWidth = width;
  }
}
