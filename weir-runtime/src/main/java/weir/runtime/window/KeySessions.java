package weir.runtime.window;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.SerializerConfig;

/**
 * The open sessions of one key, side by side with their accumulators: one keyed-state entry per
 * key, found with one lookup, instead of a set of windows in flight plus a contents entry per
 * session.
 *
 * <p>Sessions are kept in the order of their starts, as {@code [start, end)}; two of them never
 * intersect or touch, since a window that meets two sessions merges them. A key rarely has more
 * than one or two open, so searches are linear.
 *
 * <p>Why: every record of a session changes its end and accumulator. Session {@code i}'s
 * accumulator is in slot {@code i} of the {@link AccumulatorSlots}, and the bounds are primitives
 * too, so an update stores no reference into this long-lived object.
 *
 * <p>The timer is the key's one pending timer; it is never later than what a session is due for
 * next (its end, or its cleanup once it has fired), but may be earlier.
 *
 * <p>Owned by the subtask's thread; the scratch buffers are the operator's, shared by all keys.
 *
 * @param <A> the accumulator type
 */
final class KeySessions<A> extends AccumulatorSlots<A> {
  private static final int INITIAL_CAPACITY = 2;

  // session i is [bounds[2i], bounds[2i + 1])
  private long[] bounds;
  private int size;

  KeySessions(boolean binary, int slotWidth) {
    super(binary, INITIAL_CAPACITY, slotWidth);
    this.bounds = new long[2 * INITIAL_CAPACITY];
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

  /** Inserts the session {@code [start, end)} at position {@code at}, without an accumulator yet. */
  void insert(int at, long start, long end) {
    if (size == capacity()) {
      int capacity = 2 * size;
      bounds = Arrays.copyOf(bounds, 2 * capacity);
      grow(capacity);
    }
    shift(at, at + 1, size - at);
    bounds[2 * at] = start;
    bounds[2 * at + 1] = end;
    clearAt(at);
    size++;
  }

  /**
   * Makes sessions {@code first} to {@code last - 1} one session {@code [start, end)} at position
   * {@code first}, which keeps its accumulator slot; the caller sets the merged accumulator.
   */
  void merge(int first, int last, long start, long end) {
    shift(last, first + 1, size - last);
    clearTail(size - (last - first - 1));
    bounds[2 * first] = start;
    bounds[2 * first + 1] = end;
  }

  /** Removes session {@code session}. */
  void remove(int session) {
    shift(session + 1, session, size - session - 1);
    clearTail(size - 1);
  }

  /** Moves {@code count} sessions from position {@code from} to position {@code to}. */
  private void shift(int from, int to, int count) {
    if (count > 0) {
      System.arraycopy(bounds, 2 * from, bounds, 2 * to, 2 * count);
      moveSlots(from, to, count);
    }
  }

  /** Keeps the first {@code newSize} sessions, emptying the slots of the others. */
  private void clearTail(int newSize) {
    for (int i = newSize; i < size; i++) {
      clearAt(i);
    }
    size = newSize;
  }

  /**
   * Writes the sessions of one operator's keys to snapshots and reads them back, key by key, in
   * the format of {@link AccumulatorSlots.Codec} (version 1), an entry being a session:
   *
   * <pre>
   * entry : long start, long end, accumulator
   * </pre>
   */
  static final class Codec<A> extends AccumulatorSlots.Codec<KeySessions<A>, A> {
    private final int slotWidth;

    /** Makes codecs with the arguments of the constructor, one per thread that uses one. */
    static <A> Supplier<Codec<A>> factory(boolean binary, int slotWidth, SerializerConfig config) {
      return () -> new Codec<>(binary, slotWidth, config);
    }

    /**
     * @param binary whether the operator keeps accumulators as bytes
     * @param slotWidth the slot width of a key's new sessions
     * @param config for the serializer of accumulators kept as objects
     */
    Codec(boolean binary, int slotWidth, SerializerConfig config) {
      super(1, "sessions of a key", binary, config);
      this.slotWidth = slotWidth;
    }

    @Override
    KeySessions<A> create(boolean binary) {
      return new KeySessions<>(binary, slotWidth);
    }

    @Override
    int count(KeySessions<A> sessions) {
      return sessions.size;
    }

    @Override
    void writeEntries(KeySessions<A> sessions, DataOutputView out) throws IOException {
      for (int i = 0; i < sessions.size; i++) {
        out.writeLong(sessions.start(i));
        out.writeLong(sessions.end(i));
        writeAccumulator(sessions, i, out);
      }
    }

    @Override
    void readEntry(KeySessions<A> sessions, DataInputView source) throws IOException {
      int i = sessions.size;
      sessions.insert(i, source.readLong(), source.readLong());
      readAccumulator(sessions, i, source);
    }
  }
}
