package weir.runtime.network;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * How the elements of a channel lie in its network buffers. The buffers of a channel form one
 * byte stream; an element may start in one buffer and end in a later one, so records larger than
 * a buffer need nothing special. Only the 4-byte header never spans: a buffer with fewer than 4
 * bytes left is sent as it is and the next header starts the next buffer.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                     Body Length (big-endian)                  |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |     Tag       |  Body (Body Length - 1 bytes, by tag)        ...
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 *  tag 0 RECORD            long timestamp, the value in its TypeSerializer's encoding
 *  tag 1 WATERMARK         long timestamp
 *  tag 2 IDLE              -
 *  tag 3 ACTIVE            -
 *  tag 4 BARRIER           long id, long timestamp, long alignmentTimeoutNanos
 *  tag 5 PRIORITY_BARRIER  as BARRIER; the receiver posts it ahead of the records in its ring
 *  tag 6 END_OF_PARTITION  -
 * </pre>
 */
final class ElementDescriptor {
  static final int HEADER_LENGTH = 4;

  static final byte RECORD = 0;
  static final byte WATERMARK = 1;
  static final byte IDLE = 2;
  static final byte ACTIVE = 3;
  static final byte BARRIER = 4;
  static final byte PRIORITY_BARRIER = 5;
  static final byte END_OF_PARTITION = 6;

  /** Big-endian ints inside a byte array, for the header. */
  static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private ElementDescriptor() {
  }
}
