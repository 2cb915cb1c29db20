package weir.runtime.network;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The frames on a connection between two TaskManagers. The sending TaskManager connects; all
 * channels from it to the receiving TaskManager share the connection. A sender opens each channel
 * once with its full {@link ChannelId} and a channel number of its choosing; data and credit
 * then name the channel by that number only.
 *
 * <pre>
 *  frame  : int length (of what follows), byte type, body
 *
 *  OPEN   (sender -> receiver)  type 1, int channel, int attempt, int edgeId, int producerSubtask,
 *                               int consumerSubtask, short jobIdLength, jobIdLength bytes of UTF-8
 *  DATA   (sender -> receiver)  type 2, int channel, int backlog, the buffer's bytes (rest of frame);
 *                               consumes one credit; backlog = buffers queued behind this one
 *  CREDIT (receiver -> sender)  type 3, int channel, int credit; credit = buffers newly free for it
 * </pre>
 */
final class FrameDescriptor {
  static final byte OPEN = 1;
  static final byte DATA = 2;
  static final byte CREDIT = 3;

  static final int LENGTH_FIELD = 4;
  static final int DATA_HEADER = LENGTH_FIELD + 1 + 4 + 4;
  private static final int MAX_JOB_ID_BYTES = 1024;

  private FrameDescriptor() {
  }

  /** The largest frame a connection accepts: a full buffer or an open frame. */
  static int maxFrameLength(int bufferSize) {
    return Math.max(bufferSize + DATA_HEADER, 64 + MAX_JOB_ID_BYTES);
  }

  static ByteBuf open(ByteBufAllocator alloc, int channel, ChannelId id) {
    byte[] jobId = id.jobId().getBytes(StandardCharsets.UTF_8);
    if (jobId.length > MAX_JOB_ID_BYTES) {
      throw new IllegalArgumentException("Job id of channel " + id + " is " + jobId.length
          + " bytes in UTF-8, more than the " + MAX_JOB_ID_BYTES + " a network channel can carry");
    }
    int body = 1 + 5 * 4 + 2 + jobId.length;
    ByteBuf frame = alloc.buffer(LENGTH_FIELD + body);
    frame.writeInt(body).writeByte(OPEN).writeInt(channel);
    frame.writeInt(id.attempt()).writeInt(id.edgeId()).writeInt(id.producerSubtask()).writeInt(id.consumerSubtask());
    frame.writeShort(jobId.length).writeBytes(jobId);
    return frame;
  }

  /** Reads the channel id of an OPEN frame whose type and channel number were read. */
  static ChannelId readOpen(ByteBuf frame) {
    int attempt = frame.readInt();
    int edgeId = frame.readInt();
    int producer = frame.readInt();
    int consumer = frame.readInt();
    int length = frame.readUnsignedShort();
    String jobId = frame.readCharSequence(length, StandardCharsets.UTF_8).toString();
    return new ChannelId(jobId, attempt, edgeId, producer, consumer);
  }

  /** A DATA frame around {@code buffer}'s bytes; the bytes are wrapped, not copied. */
  static ByteBuf data(ByteBufAllocator alloc, int channel, int backlog, NetworkBuffer buffer) {
    ByteBuf header = alloc.buffer(DATA_HEADER);
    header.writeInt(DATA_HEADER - LENGTH_FIELD + buffer.length()).writeByte(DATA).writeInt(channel).writeInt(backlog);
    return Unpooled.wrappedBuffer(header, Unpooled.wrappedBuffer(buffer.bytes(), 0, buffer.length()));
  }

  static ByteBuf credit(ByteBufAllocator alloc, int channel, int credit) {
    ByteBuf frame = alloc.buffer(LENGTH_FIELD + 9);
    frame.writeInt(9).writeByte(CREDIT).writeInt(channel).writeInt(credit);
    return frame;
  }

  static IOException unknownType(byte type, String direction) {
    return new IOException("Protocol error: unknown frame type " + type + " " + direction);
  }
}
