package weir.runtime.network;

import java.io.IOException;
import java.util.Arrays;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.TypeSerializer;
import weir.runtime.exchange.CheckpointBarrier;
import weir.runtime.exchange.ControlEvent;
import weir.runtime.exchange.WatermarkEvent;

/**
 * Reads the elements of one channel back from its network buffers ({@link ElementDescriptor}).
 * An element that lies within one buffer is deserialized in place; one that spans buffers is
 * gathered in a reused spill array first. Owned by the receiver tasklet's thread.
 */
final class ElementReader {
  private final TypeSerializer<Object> serializer;
  private final DataInputDeserializer in = new DataInputDeserializer();
  private byte[] spill = new byte[256];
  private int spillLength;
  private int spillFilled;
  private boolean spilling;

  private byte[] bytes;
  private int position;
  private int end;

  private Object element;
  private long timestamp;
  private boolean priority;

  ElementReader(TypeSerializer<Object> serializer) {
    this.serializer = serializer;
  }

  /** Reads from {@code buffer} next; the previous one must be consumed. */
  void setBuffer(NetworkBuffer buffer) {
    bytes = buffer.bytes();
    position = 0;
    end = buffer.length();
  }

  /** Whether the current buffer has been read to its end. */
  boolean isBufferConsumed() {
    return position >= end;
  }

  /**
   * Decodes the next element of the current buffer into {@link #element()}; false when the
   * buffer ended before the element did, its rest then comes with the next buffer.
   */
  boolean next() throws IOException {
    if (spilling) {
      int n = Math.min(spillLength - spillFilled, end - position);
      System.arraycopy(bytes, position, spill, spillFilled, n);
      position += n;
      spillFilled += n;
      if (spillFilled < spillLength) {
        return false;
      }
      spilling = false;
      decode(spill, 0, spillLength);
      return true;
    }
    if (end - position < ElementDescriptor.HEADER_LENGTH) {
      throw new IOException("Corrupt network buffer: " + (end - position) + " bytes at position " + position
          + " are too few for an element header");
    }
    int length = (int) ElementDescriptor.INT.get(bytes, position);
    position += ElementDescriptor.HEADER_LENGTH;
    if (length < 1) {
      throw new IOException("Corrupt network buffer: element length " + length + " at position " + (position - 4));
    }
    if (length <= end - position) {
      decode(bytes, position, length);
      position += length;
      return true;
    }
    if (spill.length < length) {
      spill = Arrays.copyOf(spill, Math.max(length, spill.length * 2));
    }
    spillLength = length;
    spillFilled = 0;
    spilling = true;
    return next();
  }

  private void decode(byte[] source, int offset, int length) throws IOException {
    DataInputDeserializer input = in;
    input.setBuffer(source, offset, length);
    byte tag = input.readByte();
    priority = false;
    timestamp = Long.MIN_VALUE;
    switch (tag) {
      case ElementDescriptor.RECORD -> {
        timestamp = input.readLong();
        element = serializer.deserialize(input);
      }
      case ElementDescriptor.WATERMARK -> element = new WatermarkEvent(input.readLong());
      case ElementDescriptor.IDLE -> element = ControlEvent.IDLE;
      case ElementDescriptor.ACTIVE -> element = ControlEvent.ACTIVE;
      case ElementDescriptor.BARRIER, ElementDescriptor.PRIORITY_BARRIER -> {
        element = new CheckpointBarrier(input.readLong(), input.readLong(), input.readLong());
        priority = tag == ElementDescriptor.PRIORITY_BARRIER;
      }
      case ElementDescriptor.END_OF_PARTITION -> element = ControlEvent.END_OF_PARTITION;
      default -> throw new IOException("Corrupt network buffer: unknown element tag " + tag);
    }
    if (input.available() != 0) {
      throw new IOException("An element of " + length + " bytes (tag " + tag + ") left " + input.available()
          + " bytes unread: the serializers of sender and receiver do not match");
    }
  }

  /** The element {@link #next()} decoded last. */
  Object element() {
    return element;
  }

  /** Its timestamp ({@code Long.MIN_VALUE} for control events). */
  long timestamp() {
    return timestamp;
  }

  /** Whether it is a barrier to post as a priority barrier. */
  boolean isPriority() {
    return priority;
  }

  /** Drops the reference to the last element. */
  void clearElement() {
    element = null;
  }
}
