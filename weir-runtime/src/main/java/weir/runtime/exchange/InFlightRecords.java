package weir.runtime.exchange;

import java.io.IOException;
import java.util.Arrays;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.TypeSerializer;

/**
 * The elements of one channel that an unaligned checkpoint holds in flight: records with their
 * timestamps, and the watermarks and watermark status changes between them, in channel order.
 * Barriers and end of partition are not kept (a restored producer sends its own).
 *
 * <pre>
 * bytes   : int count, count × element
 * element : byte 0 (record), long timestamp, the record in its type's encoding
 *         | byte 1 (watermark), long timestamp
 *         | byte 2 (idle) | byte 3 (active)
 * </pre>
 */
public final class InFlightRecords {
  private static final byte RECORD = 0;
  private static final byte WATERMARK = 1;
  private static final byte IDLE = 2;
  private static final byte ACTIVE = 3;

  private Object[] elements = new Object[16];
  private long[] timestamps = new long[16];
  private int size;

  /** Appends an element of the channel with its timestamp. */
  public void add(Object element, long timestamp) {
    if (size == elements.length) {
      elements = Arrays.copyOf(elements, size * 2);
      timestamps = Arrays.copyOf(timestamps, size * 2);
    }
    elements[size] = element;
    timestamps[size++] = timestamp;
  }

  /** Keeps the first {@code n} elements. */
  public void truncate(int n) {
    if (n < 0 || n > size) {
      throw new IllegalStateException("Bug in unaligned checkpoint: cannot keep " + n + " of " + size + " elements in flight");
    }
    Arrays.fill(elements, n, size, null);
    size = n;
  }

  public int size() {
    return size;
  }

  public Object element(int i) {
    return elements[i];
  }

  public long timestamp(int i) {
    return timestamps[i];
  }

  /** The elements in the format above, records written with {@code serializer}. */
  public byte[] toBytes(TypeSerializer<Object> serializer) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64 + size * 16);
    int kept = 0;
    for (int i = 0; i < size; i++) {
      kept += isKept(elements[i]) ? 1 : 0;
    }
    out.writeInt(kept);
    for (int i = 0; i < size; i++) {
      Object e = elements[i];
      if (e instanceof WatermarkEvent w) {
        out.writeByte(WATERMARK);
        out.writeLong(w.timestamp());
      } else if (e == ControlEvent.IDLE) {
        out.writeByte(IDLE);
      } else if (e == ControlEvent.ACTIVE) {
        out.writeByte(ACTIVE);
      } else if (!(e instanceof ControlEvent)) {
        out.writeByte(RECORD);
        out.writeLong(timestamps[i]);
        serializer.serialize(e, out);
      }
    }
    return out.copyOfBuffer();
  }

  private static boolean isKept(Object e) {
    return !(e instanceof ControlEvent) || e instanceof WatermarkEvent || e == ControlEvent.IDLE
        || e == ControlEvent.ACTIVE;
  }

  /** Reads elements written by {@link #toBytes}. */
  public static InFlightRecords fromBytes(byte[] bytes, TypeSerializer<Object> serializer) throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    InFlightRecords records = new InFlightRecords();
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      byte tag = in.readByte();
      switch (tag) {
        case RECORD -> {
          long timestamp = in.readLong();
          records.add(serializer.deserialize(in), timestamp);
        }
        case WATERMARK -> records.add(new WatermarkEvent(in.readLong()), Long.MIN_VALUE);
        case IDLE -> records.add(ControlEvent.IDLE, Long.MIN_VALUE);
        case ACTIVE -> records.add(ControlEvent.ACTIVE, Long.MIN_VALUE);
        default -> throw new IOException("Corrupt records in flight: unknown element tag " + tag);
      }
    }
    return records;
  }
}
