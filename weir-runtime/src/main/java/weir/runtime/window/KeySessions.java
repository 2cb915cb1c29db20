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
 * The open sessions of one key, side by side with their accumulators: one keyed-state entry per
 * key, found with one lookup, instead of a set of windows in flight plus a contents entry per
 * session.
 *
 * <p>Sessions are kept in the order of their starts, as {@code [start, end)}; two of them never
 * intersect or touch, since a window that meets two sessions merges them. A key rarely has more
 * than one or two open, so searches are linear.
 *
 * <p>Why: every record of a session changes its end and accumulator. With a serializer, the
 * accumulators are kept as bytes in a primitive array, in slots of a fixed width that grows when
 * an accumulator outgrows it, updated in place; bounds are primitives too. An update then stores
 * no reference into this long-lived object, which keeps the garbage collector's card refinement
 * away (see {@code ValueArena}). Without a serializer accumulators are kept as objects.
 *
 * <p>Owned by the subtask's thread; the scratch buffers are the operator's, shared by all keys.
 *
 * @param <A> the accumulator type
 */
final class KeySessions<A> {
  /** {@link #timer} when no timer is set. */
  static final long NO_TIMER = Long.MIN_VALUE;
  private static final int INITIAL_CAPACITY = 2;

  // session i is [bounds[2i], bounds[2i + 1])
  private long[] bounds;
  @Nullable private byte[] bytes;
  private int[] lengths;
  @Nullable private Object[] objects;
  private int slotWidth;
  private int size;
  /**
   * The time of the key's one pending timer, or {@link #NO_TIMER}; it is never later than what a
   * session is due for next (its end, or its cleanup once it has fired), but may be earlier.
   */
  long timer = NO_TIMER;

  KeySessions(boolean binary, int slotWidth) {
    this.bounds = new long[2 * INITIAL_CAPACITY];
    this.lengths = new int[INITIAL_CAPACITY];
    this.slotWidth = slotWidth;
    if (binary) {
      this.bytes = new byte[INITIAL_CAPACITY * slotWidth];
    } else {
      this.objects = new Object[INITIAL_CAPACITY];
    }
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  long start(int session) {
    return bounds[2 * session];
  }

  /** The end of session {@code session}, exclusive. */
  long end(int session) {
    return bounds[2 * session + 1];
  }

  /** The first session that ends at or after {@code time}, or {@link #size()} if none does. */
  int firstEndingFrom(long time) {
    int i = 0;
    while (i < size && bounds[2 * i + 1] < time) {
      i++;
    }
    return i;
  }

  /** The accumulator of session {@code session}: a fresh copy when kept as bytes, the stored object otherwise. */
  @SuppressWarnings("unchecked")
  A accumulator(int session, @Nullable TypeSerializer<A> serializer, DataInputDeserializer in) throws IOException {
    if (serializer == null) {
      return (A) objects[session];
    }
    in.setBuffer(bytes, session * slotWidth, lengths[session]);
    return serializer.deserialize(in);
  }

  /** Sets the accumulator of session {@code session}; {@code out} is scratch space. */
  void setAccumulator(int session, A acc, @Nullable TypeSerializer<A> serializer, DataOutputSerializer out)
      throws IOException {
    if (serializer == null) {
      objects[session] = acc;
      return;
    }
    out.clear();
    serializer.serialize(acc, out);
    setBytes(session, out.getSharedBuffer(), out.position());
  }

  private void setBytes(int session, byte[] source, int length) {
    if (length > slotWidth) {
      widen(length);
    }
    System.arraycopy(source, 0, bytes, session * slotWidth, length);
    lengths[session] = length;
  }

  /** Inserts the session {@code [start, end)} at position {@code at}, without an accumulator yet. */
  void insert(int at, long start, long end) {
    if (size == lengths.length) {
      grow();
    }
    shift(at, at + 1, size - at);
    bounds[2 * at] = start;
    bounds[2 * at + 1] = end;
    lengths[at] = 0;
    size++;
  }

  /**
   * Makes sessions {@code first} to {@code last - 1} one session {@code [start, end)} at position
   * {@code first}, which keeps its accumulator slot; the caller sets the merged accumulator.
   */
  void merge(int first, int last, long start, long end) {
    shift(last, first + 1, size - last);
    size -= last - first - 1;
    clearTail();
    bounds[2 * first] = start;
    bounds[2 * first + 1] = end;
  }

  /** Removes session {@code session}. */
  void remove(int session) {
    shift(session + 1, session, size - session - 1);
    size--;
    clearTail();
  }

  /** Moves {@code count} sessions from position {@code from} to position {@code to}. */
  private void shift(int from, int to, int count) {
    if (count <= 0) {
      return;
    }
    System.arraycopy(bounds, 2 * from, bounds, 2 * to, 2 * count);
    System.arraycopy(lengths, from, lengths, to, count);
    if (bytes != null) {
      System.arraycopy(bytes, from * slotWidth, bytes, to * slotWidth, count * slotWidth);
    } else {
      System.arraycopy(objects, from, objects, to, count);
    }
  }

  /** Lets go of the accumulator objects of the slots past the last session. */
  private void clearTail() {
    if (objects != null) {
      Arrays.fill(objects, size, objects.length, null);
    }
  }

  private void grow() {
    int capacity = lengths.length * 2;
    bounds = Arrays.copyOf(bounds, 2 * capacity);
    lengths = Arrays.copyOf(lengths, capacity);
    if (bytes != null) {
      bytes = Arrays.copyOf(bytes, capacity * slotWidth);
    } else {
      objects = Arrays.copyOf(objects, capacity);
    }
  }

  /** Re-lays the slots out wider, for an accumulator of {@code length} bytes. */
  private void widen(int length) {
    int width = Math.max(length, slotWidth * 2);
    byte[] wider = new byte[lengths.length * width];
    for (int i = 0; i < size; i++) {
      System.arraycopy(bytes, i * slotWidth, wider, i * width, lengths[i]);
    }
    bytes = wider;
    slotWidth = width;
  }

  /**
   * Writes a key's sessions into snapshots and reads them back:
   *
   * <pre>
   * long timer, int count, count × ( long start, long end, accumulator )
   * </pre>
   *
   * with each accumulator as {@link AccumulatorCodec} writes it.
   */
  static final class Codec<A> implements ValueCodec<KeySessions<A>> {
    private final AccumulatorCodec<A> accumulators;
    private final int slotWidth;

    Codec(AccumulatorCodec<A> accumulators, int slotWidth) {
      this.accumulators = accumulators;
      this.slotWidth = slotWidth;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(KeySessions<A> sessions, DataOutputView out) throws IOException {
      out.writeLong(sessions.timer);
      out.writeInt(sessions.size);
      for (int i = 0; i < sessions.size; i++) {
        out.writeLong(sessions.start(i));
        out.writeLong(sessions.end(i));
        if (sessions.bytes != null) {
          accumulators.writeBytes(sessions.bytes, i * sessions.slotWidth, sessions.lengths[i], out);
        } else {
          accumulators.writeObject((A) sessions.objects[i], out);
        }
      }
    }

    @Override
    public KeySessions<A> read(DataInputView source) throws IOException {
      KeySessions<A> sessions = new KeySessions<>(accumulators.keepsBytes(), slotWidth);
      sessions.timer = source.readLong();
      int count = source.readInt();
      for (int i = 0; i < count; i++) {
        sessions.insert(i, source.readLong(), source.readLong());
        byte[] accumulator = accumulators.readBytes(source);
        if (sessions.bytes != null) {
          sessions.setBytes(i, accumulator, accumulator.length);
        } else {
          sessions.objects[i] = accumulators.object(accumulator);
        }
      }
      return sessions;
    }
  }
}
