package weir.runtime.window;

import java.io.IOException;
import java.util.Arrays;
import javax.annotation.Nullable;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.DynamicSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeSerializer;
import weir.runtime.state.StateValueCodec;

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
 * <p>A ring is keyed state of its key, written to snapshots by its {@link Codec}, with the pending
 * timer it remembers; the timer itself is snapshotted with the operator's other timers.
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

  /** Sets the accumulator of slice {@code id} from its bytes; only for a binary ring. */
  private void putBytes(long id, byte[] source, int length) {
    store(claim(id), source, length);
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

  /**
   * Writes the rings of one operator to snapshots and reads them back, key by key:
   *
   * <pre>
   * ring : byte version (1), byte binary, long timer, int count,
   *        count × ( long slice id, int length, accumulator bytes )
   * </pre>
   *
   * A binary ring's accumulator bytes are those it holds, written by the accumulator's
   * serializer; a ring of objects writes each accumulator with a {@link DynamicSerializer}, which
   * names its class. The restored ring has the operator's mode, which must be the snapshot's.
   *
   * <p>Owned by the subtask's thread.
   */
  static final class Codec<A> implements StateValueCodec<SliceRing<A>> {
    private static final int VERSION = 1;

    private final boolean binary;
    private final int slotWidth;
    private final DynamicSerializer<A> objects;
    private final DataOutputSerializer scratch = new DataOutputSerializer(64);
    private final DataInputDeserializer in = new DataInputDeserializer();
    private byte[] buffer = new byte[64];

    /**
     * @param binary whether the operator keeps accumulators as bytes
     * @param slotWidth the slot width of a new ring
     * @param config for the serializer of accumulators kept as objects
     */
    Codec(boolean binary, int slotWidth, SerializerConfig config) {
      this.binary = binary;
      this.slotWidth = slotWidth;
      this.objects = new DynamicSerializer<>(config);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(SliceRing<A> ring, DataOutputView out) throws IOException {
      out.writeByte(VERSION);
      out.writeBoolean(ring.bytes != null);
      out.writeLong(ring.timer);
      out.writeInt(ring.size);
      for (int slot = 0; slot < ring.ids.length; slot++) {
        if (ring.ids[slot] == EMPTY) {
          continue;
        }
        out.writeLong(ring.ids[slot]);
        if (ring.bytes != null) {
          out.writeInt(ring.lengths[slot]);
          out.write(ring.bytes, slot * ring.slotWidth, ring.lengths[slot]);
        } else {
          scratch.clear();
          objects.serialize((A) ring.objects[slot], scratch);
          out.writeInt(scratch.position());
          out.write(scratch.getSharedBuffer(), 0, scratch.position());
        }
      }
    }

    @Override
    public SliceRing<A> read(DataInputView source) throws IOException {
      int version = source.readUnsignedByte();
      if (version != VERSION) {
        throw new IOException("Cannot read the slices of a window in format version " + version
            + "; this version of Weir reads version " + VERSION);
      }
      boolean snapshotBinary = source.readBoolean();
      if (snapshotBinary != binary) {
        throw new IOException("The window's slices were snapshotted with accumulators kept as "
            + (snapshotBinary ? "bytes" : "objects") + ", but the operator now keeps them as "
            + (binary ? "bytes" : "objects") + ": the accumulator type (or whether it has a serializer) changed");
      }
      SliceRing<A> ring = new SliceRing<>(binary, slotWidth);
      ring.timer = source.readLong();
      int count = source.readInt();
      for (int i = 0; i < count; i++) {
        long id = source.readLong();
        int length = source.readInt();
        if (buffer.length < length) {
          buffer = new byte[Math.max(length, 2 * buffer.length)];
        }
        source.readFully(buffer, 0, length);
        if (binary) {
          ring.putBytes(id, buffer, length);
        } else {
          in.setBuffer(buffer, 0, length);
          ring.put(id, objects.deserialize(in), null, scratch);
        }
      }
      return ring;
    }
  }
}
