package weir.runtime.network;

import java.io.IOException;
import java.util.ArrayDeque;
import javax.annotation.Nullable;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.TypeSerializer;
import weir.runtime.exchange.CheckpointBarrier;
import weir.runtime.exchange.ControlEvent;
import weir.runtime.exchange.WatermarkEvent;

/**
 * Serializes the elements of one channel into network buffers in the layout of {@link
 * ElementDescriptor}. Each element is serialized once into a reused scratch view, then copied
 * into as many buffers as it needs; an element that finds no buffer stays pending and is
 * continued by {@link #continuePending()}. Finished buffers queue up in order for the sender.
 *
 * <p>Buffers come from the {@link NetworkBufferPool}, at most {@code queueLimit} held at a time
 * (finished ones plus the one being filled), so a sender without credit holds bounded memory and
 * stops taking records. Owned by the sender tasklet's thread.
 */
final class ElementWriter {
  private final NetworkBufferPool pool;
  private final TypeSerializer<Object> serializer;
  private final int queueLimit;
  private final DataOutputSerializer scratch = new DataOutputSerializer(256);
  private final ArrayDeque<NetworkBuffer> finished = new ArrayDeque<>();
  @Nullable private NetworkBuffer current;
  private int position;
  // bytes of the scratch element already copied into buffers, or -1 when none is pending
  private int pendingOffset = -1;

  ElementWriter(NetworkBufferPool pool, TypeSerializer<Object> serializer, int queueLimit) {
    this.pool = pool;
    this.serializer = serializer;
    this.queueLimit = queueLimit;
  }

  /**
   * Serializes {@code element} and copies it into buffers as far as there are some; false when
   * part of it is left pending ({@link #continuePending()} before the next element).
   */
  boolean write(Object element, long timestamp) throws IOException {
    encode(element, timestamp, false);
    return continuePending();
  }

  /** Like {@link #write} for a barrier that the receiver must post as a priority barrier. */
  boolean writePriority(CheckpointBarrier barrier) throws IOException {
    encode(barrier, Long.MIN_VALUE, true);
    return continuePending();
  }

  private void encode(Object element, long timestamp, boolean priority) throws IOException {
    if (pendingOffset >= 0) {
      throw new IllegalStateException("Bug in sender: an element was written while another one is pending");
    }
    DataOutputSerializer out = scratch;
    out.clear();
    if (element instanceof ControlEvent) {
      if (element instanceof WatermarkEvent w) {
        out.writeByte(ElementDescriptor.WATERMARK);
        out.writeLong(w.timestamp());
      } else if (element instanceof CheckpointBarrier b) {
        out.writeByte(priority ? ElementDescriptor.PRIORITY_BARRIER : ElementDescriptor.BARRIER);
        out.writeLong(b.id());
        out.writeLong(b.timestamp());
        out.writeLong(b.alignmentTimeoutNanos());
      } else if (element == ControlEvent.IDLE) {
        out.writeByte(ElementDescriptor.IDLE);
      } else if (element == ControlEvent.ACTIVE) {
        out.writeByte(ElementDescriptor.ACTIVE);
      } else if (element == ControlEvent.END_OF_PARTITION) {
        out.writeByte(ElementDescriptor.END_OF_PARTITION);
      } else {
        throw new IllegalArgumentException("Control event " + element + " cannot be sent over the network");
      }
    } else {
      out.writeByte(ElementDescriptor.RECORD);
      out.writeLong(timestamp);
      serializer.serialize(element, out);
    }
    pendingOffset = 0;
    if (!startHeader()) {
      pendingOffset = -2; // the header itself still waits for a buffer
    }
  }

  /** Copies the rest of the pending element into buffers; true when nothing is pending any more. */
  boolean continuePending() {
    if (pendingOffset == -2) {
      if (!startHeader()) {
        return false;
      }
      pendingOffset = 0;
    }
    if (pendingOffset < 0) {
      return true;
    }
    int length = scratch.position();
    byte[] source = scratch.getSharedBuffer();
    while (pendingOffset < length) {
      if (current == null || position == current.capacity()) {
        if (!nextBuffer()) {
          return false;
        }
      }
      int n = Math.min(length - pendingOffset, current.capacity() - position);
      System.arraycopy(source, pendingOffset, current.bytes(), position, n);
      position += n;
      pendingOffset += n;
    }
    pendingOffset = -1;
    return true;
  }

  // writes the body length of the scratch element where the next header belongs
  private boolean startHeader() {
    if (current == null || current.capacity() - position < ElementDescriptor.HEADER_LENGTH) {
      if (!nextBuffer()) {
        return false;
      }
    }
    ElementDescriptor.INT.set(current.bytes(), position, scratch.position());
    position += ElementDescriptor.HEADER_LENGTH;
    return true;
  }

  private boolean nextBuffer() {
    finishCurrent();
    if (finished.size() >= queueLimit) {
      return false;
    }
    current = pool.requestBuffer();
    position = 0;
    return current != null;
  }

  /** Queues the buffer being filled, if it holds anything, so that it can be sent. */
  void finishCurrent() {
    if (current != null && position > 0) {
      current.length(position);
      finished.add(current);
      current = null;
      position = 0;
    }
  }

  /** Whether the buffer being filled holds data. */
  boolean hasPartialBuffer() {
    return current != null && position > 0;
  }

  /** Whether an element waits for buffers. */
  boolean hasPending() {
    return pendingOffset != -1;
  }

  /** The next finished buffer to send, or {@code null}. */
  @Nullable
  NetworkBuffer pollFinished() {
    return finished.poll();
  }

  /** Buffers finished and not yet sent. */
  int finishedCount() {
    return finished.size();
  }

  /** Recycles every buffer held; the writer is not used afterwards. */
  void release() {
    for (NetworkBuffer b = finished.poll(); b != null; b = finished.poll()) {
      b.recycle();
    }
    if (current != null) {
      current.recycle();
      current = null;
    }
  }
}
