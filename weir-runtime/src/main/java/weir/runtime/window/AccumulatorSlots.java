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
 * Accumulators of one key in numbered slots, with the key's one pending timer: the storage of a
 * key's slices ({@link SliceRing}) and sessions ({@link KeySessions}), which say what each slot
 * holds and what the timer is set for. Keyed state of its key, written to snapshots by the
 * structure's {@link Codec}, with the time of the pending timer; the timer itself is snapshotted
 * with the operator's other timers.
 *
 * <p>Why: every record updates an accumulator. With a serializer, accumulators are kept as bytes
 * in one primitive array, in slots of a fixed width that grows when an accumulator outgrows it,
 * updated in place, so an update stores no reference into this long-lived object, which keeps the
 * garbage collector's card refinement away (see {@code ValueArena}). Without a serializer they are
 * kept as objects.
 *
 * <p>Owned by the subtask's thread; the scratch buffers passed in are the operator's, shared by
 * all keys.
 *
 * @param <A> the accumulator type
 */
abstract class AccumulatorSlots<A> {
  /** {@link #timer} when no timer is set. */
  static final long NO_TIMER = Long.MIN_VALUE;

  @Nullable private byte[] bytes;
  private int[] lengths;
  @Nullable private Object[] objects;
  private int slotWidth;
  /** The time of the key's one pending timer, or {@link #NO_TIMER}; the structure says what it is set for. */
  long timer = NO_TIMER;

  AccumulatorSlots(boolean binary, int capacity, int slotWidth) {
    this.lengths = new int[capacity];
    this.slotWidth = slotWidth;
    if (binary) {
      this.bytes = new byte[capacity * slotWidth];
    } else {
      this.objects = new Object[capacity];
    }
  }

  /** Whether the accumulators are kept as bytes. */
  final boolean isBinary() {
    return bytes != null;
  }

  /** The number of slots. */
  final int capacity() {
    return lengths.length;
  }

  /** The accumulator in {@code slot}: a fresh copy when kept as bytes, the stored object otherwise. */
  @SuppressWarnings("unchecked")
  final A accumulatorAt(int slot, @Nullable TypeSerializer<A> serializer, DataInputDeserializer in)
      throws IOException {
    if (serializer == null) {
      return (A) objects[slot];
    }
    in.setBuffer(bytes, slot * slotWidth, lengths[slot]);
    return serializer.deserialize(in);
  }

  /** Puts {@code acc} into {@code slot}; {@code out} is scratch space. */
  final void setAccumulatorAt(int slot, A acc, @Nullable TypeSerializer<A> serializer, DataOutputSerializer out)
      throws IOException {
    if (serializer == null) {
      objects[slot] = acc;
      return;
    }
    out.clear();
    serializer.serialize(acc, out);
    setBytesAt(slot, out.getSharedBuffer(), out.position());
  }

  private void setBytesAt(int slot, byte[] source, int length) {
    if (length > slotWidth) {
      widen(length);
    }
    System.arraycopy(source, 0, bytes, slot * slotWidth, length);
    lengths[slot] = length;
  }

  /** Empties {@code slot}, letting go of its accumulator object. */
  final void clearAt(int slot) {
    lengths[slot] = 0;
    if (objects != null) {
      objects[slot] = null;
    }
  }

  /** Moves the accumulators of {@code count} slots from {@code from} on to {@code to} on; the ranges may overlap. */
  final void moveSlots(int from, int to, int count) {
    if (count <= 0) {
      return;
    }
    System.arraycopy(lengths, from, lengths, to, count);
    if (bytes != null) {
      System.arraycopy(bytes, from * slotWidth, bytes, to * slotWidth, count * slotWidth);
    } else {
      System.arraycopy(objects, from, objects, to, count);
    }
  }

  /** Grows to {@code capacity} slots, each accumulator staying in its slot. */
  final void grow(int capacity) {
    lengths = Arrays.copyOf(lengths, capacity);
    if (bytes != null) {
      bytes = Arrays.copyOf(bytes, capacity * slotWidth);
    } else {
      objects = Arrays.copyOf(objects, capacity);
    }
  }

  /**
   * Lays the slots out anew with {@code capacity} slots: the accumulator of old slot {@code i}
   * goes to slot {@code targets[i]}, or is dropped where that is negative.
   */
  final void relayout(int capacity, int[] targets) {
    int[] oldLengths = lengths;
    byte[] oldBytes = bytes;
    Object[] oldObjects = objects;
    lengths = new int[capacity];
    bytes = oldBytes == null ? null : new byte[capacity * slotWidth];
    objects = oldObjects == null ? null : new Object[capacity];
    for (int old = 0; old < oldLengths.length; old++) {
      int slot = targets[old];
      if (slot < 0) {
        continue;
      }
      lengths[slot] = oldLengths[old];
      if (bytes != null) {
        System.arraycopy(oldBytes, old * slotWidth, bytes, slot * slotWidth, oldLengths[old]);
      } else {
        objects[slot] = oldObjects[old];
      }
    }
  }

  /** Re-lays the slots out wider, for an accumulator of {@code length} bytes. */
  private void widen(int length) {
    int width = Math.max(length, slotWidth * 2);
    byte[] wider = new byte[lengths.length * width];
    for (int slot = 0; slot < lengths.length; slot++) {
      System.arraycopy(bytes, slot * slotWidth, wider, slot * width, lengths[slot]);
    }
    bytes = wider;
    slotWidth = width;
  }

  /**
   * Writes a key's structure to snapshots and reads it back:
   *
   * <pre>
   * structure   : byte version, byte binary, long timer, int count, count × entry
   * accumulator : int length, accumulator bytes
   * </pre>
   *
   * where the structure's own codec says what an entry is, around the accumulator of its slot.
   * Accumulators kept as bytes are written as they lie in their slots, written by the
   * accumulator's serializer; accumulators kept as objects each with a {@link DynamicSerializer},
   * which names its class. A restored structure has the operator's mode, which must be the
   * snapshot's.
   *
   * <p>Owned by the subtask's thread.
   *
   * @param <S> the structure
   * @param <A> the accumulator type
   */
  abstract static class Codec<S extends AccumulatorSlots<A>, A> implements StateValueCodec<S> {
    private final int version;
    private final String what;
    private final boolean binary;
    private final DynamicSerializer<A> objects;
    private final DataOutputSerializer scratch = new DataOutputSerializer(64);
    private final DataInputDeserializer in = new DataInputDeserializer();
    private byte[] buffer = new byte[64];

    /**
     * @param version the format version of the structure
     * @param what names the structure in messages, in the plural: "slices of a window"
     * @param binary whether the operator keeps accumulators as bytes
     * @param config for the serializer of accumulators kept as objects
     */
    Codec(int version, String what, boolean binary, SerializerConfig config) {
      this.version = version;
      this.what = what;
      this.binary = binary;
      this.objects = new DynamicSerializer<>(config);
    }

    /** A key's new, empty structure, in the operator's mode. */
    abstract S create(boolean binary);

    /** The number of entries of {@code slots}. */
    abstract int count(S slots);

    /** Writes the entries of {@code slots}, each with its accumulator by {@link #writeAccumulator}. */
    abstract void writeEntries(S slots, DataOutputView out) throws IOException;

    /** Reads an entry into {@code slots}, with its accumulator by {@link #readAccumulator}. */
    abstract void readEntry(S slots, DataInputView source) throws IOException;

    @Override
    public final void write(S slots, DataOutputView out) throws IOException {
      out.writeByte(version);
      out.writeBoolean(slots.isBinary());
      out.writeLong(slots.timer);
      out.writeInt(count(slots));
      writeEntries(slots, out);
    }

    @Override
    public final S read(DataInputView source) throws IOException {
      int snapshotVersion = source.readUnsignedByte();
      if (snapshotVersion != version) {
        throw new IOException("Cannot read the " + what + " in format version " + snapshotVersion
            + "; this version of Weir reads version " + version);
      }
      boolean snapshotBinary = source.readBoolean();
      if (snapshotBinary != binary) {
        throw new IOException("The " + what + " were snapshotted with accumulators kept as "
            + (snapshotBinary ? "bytes" : "objects") + ", but the operator now keeps them as "
            + (binary ? "bytes" : "objects") + ": the accumulator type (or whether it has a serializer) changed");
      }
      S slots = create(binary);
      slots.timer = source.readLong();
      int count = source.readInt();
      for (int i = 0; i < count; i++) {
        readEntry(slots, source);
      }
      return slots;
    }

    /** Writes the accumulator in {@code slot} of {@code slots}. */
    @SuppressWarnings("unchecked")
    final void writeAccumulator(AccumulatorSlots<A> slots, int slot, DataOutputView out) throws IOException {
      if (slots.bytes != null) {
        out.writeInt(slots.lengths[slot]);
        out.write(slots.bytes, slot * slots.slotWidth, slots.lengths[slot]);
      } else {
        scratch.clear();
        objects.serialize((A) slots.objects[slot], scratch);
        out.writeInt(scratch.position());
        out.write(scratch.getSharedBuffer(), 0, scratch.position());
      }
    }

    /** Reads an accumulator into {@code slot} of {@code slots}. */
    final void readAccumulator(AccumulatorSlots<A> slots, int slot, DataInputView source) throws IOException {
      int length = source.readInt();
      if (buffer.length < length) {
        buffer = new byte[Math.max(length, 2 * buffer.length)];
      }
      source.readFully(buffer, 0, length);
      if (binary) {
        slots.setBytesAt(slot, buffer, length);
      } else {
        in.setBuffer(buffer, 0, length);
        slots.objects[slot] = objects.deserialize(in);
      }
    }
  }
}
