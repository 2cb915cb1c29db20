package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A {@link DataInputView} over a region of a {@code byte[]}, the reading side of
 * {@link DataOutputSerializer}. Multi-byte values are big-endian.
 *
 * <h3>Lifecycle</h3>
 * Point it at bytes with {@link #setBuffer(byte[], int, int)}, read, and point it at the next
 * region; nothing is copied. Strings decode through a reusable scratch array, so the only
 * allocation per string is the string itself.
 *
 * <h3>Threading</h3>
 * Not thread-safe; owned by one thread.
 *
 * <h3>Failure cases</h3>
 * Reading past the region throws {@link EOFException} stating how many bytes were needed and how
 * many were left; malformed string bytes throw {@link UTFDataFormatException}.
 *
 * @since 0.1
 */
@Evolving
public final class DataInputDeserializer implements DataInputView {

  private static final byte[] EMPTY = new byte[0];
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private byte[] buffer = EMPTY;
  private int position;
  private int end;
  private char[] scratch = new char[64];

  /** Creates a deserializer with an empty region. */
  public DataInputDeserializer() {
  }

  /** Creates a deserializer reading all of {@code bytes}. */
  public DataInputDeserializer(byte[] bytes) {
    setBuffer(bytes, 0, bytes.length);
  }

  /** Reads from {@code bytes[offset, offset + length)} next. */
  public void setBuffer(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    this.buffer = bytes;
    this.position = offset;
    this.end = offset + length;
  }

  /** Bytes left in the region. */
  public int available() {
    return end - position;
  }

  /** Index in the buffer of the next byte to read. */
  public int position() {
    return position;
  }

  private int advance(int n) throws EOFException {
    int p = position;
    if (end - p < n) {
      throw new EOFException("Expected " + n + " more bytes at position " + p + ", but only "
          + (end - p) + " remain");
    }
    position = p + n;
    return p;
  }

  @Override
  public void readFully(byte[] b) throws IOException {
    readFully(b, 0, b.length);
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    System.arraycopy(buffer, advance(len), b, off, len);
  }

  @Override
  public int skipBytes(int n) {
    int skipped = Math.max(0, Math.min(n, end - position));
    position += skipped;
    return skipped;
  }

  @Override
  public boolean readBoolean() throws IOException {
    return readByte() != 0;
  }

  @Override
  public byte readByte() throws IOException {
    return buffer[advance(1)];
  }

  @Override
  public int readUnsignedByte() throws IOException {
    return readByte() & 0xFF;
  }

  @Override
  public short readShort() throws IOException {
    return (short) SHORT.get(buffer, advance(2));
  }

  @Override
  public int readUnsignedShort() throws IOException {
    return readShort() & 0xFFFF;
  }

  @Override
  public char readChar() throws IOException {
    return (char) readShort();
  }

  @Override
  public int readInt() throws IOException {
    return (int) INT.get(buffer, advance(4));
  }

  @Override
  public long readLong() throws IOException {
    return (long) LONG.get(buffer, advance(8));
  }

  @Override
  public float readFloat() throws IOException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  /** Reads bytes up to a line terminator, one char per byte, as {@link java.io.DataInput#readLine()} specifies. */
  @Override
  @Nullable
  public String readLine() {
    if (position >= end) {
      return null;
    }
    StringBuilder line = new StringBuilder();
    while (position < end) {
      char c = (char) (buffer[position++] & 0xFF);
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        if (position < end && buffer[position] == '\n') {
          position++;
        }
        break;
      }
      line.append(c);
    }
    return line.toString();
  }

  /** Reads a non-null string in the {@link DataOutputView} string layout. */
  @Override
  public String readUTF() throws IOException {
    String s = readString();
    if (s == null) {
      throw new UTFDataFormatException("Expected a string at position " + position + ", but found a null marker");
    }
    return s;
  }

  @Override
  public int readVarInt() throws IOException {
    int result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      byte b = readByte();
      result |= (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new IOException("Malformed var int ending at position " + position + ": more than 5 bytes");
  }

  private void requireStringBytes(int p, int n) throws EOFException {
    if (end - p < n) {
      throw new EOFException("String runs past the end of the region: expected " + n
          + " more bytes at position " + p + ", but only " + (end - p) + " remain");
    }
  }

  @Override
  @Nullable
  public String readString() throws IOException {
    int marker = readVarInt();
    if (marker == 0) {
      return null;
    }
    int len = marker - 1;
    if (len < 0 || len > end - position) {
      throw new EOFException("String of " + len + " chars at position " + position + " exceeds the "
          + (end - position) + " remaining bytes");
    }
    char[] chars = len <= scratch.length ? scratch : (scratch = new char[Math.max(len, scratch.length * 2)]);
    byte[] buf = buffer;
    int p = position;
    for (int i = 0; i < len; i++) {
      requireStringBytes(p, 1);
      int b = buf[p++] & 0xFF;
      if (b < 0x80) {
        chars[i] = (char) b;
      } else if ((b & 0xE0) == 0xC0) {
        requireStringBytes(p, 1);
        chars[i] = (char) (((b & 0x1F) << 6) | (buf[p++] & 0x3F));
      } else if ((b & 0xF0) == 0xE0) {
        requireStringBytes(p, 2);
        chars[i] = (char) (((b & 0x0F) << 12) | ((buf[p] & 0x3F) << 6) | (buf[p + 1] & 0x3F));
        p += 2;
      } else {
        position = p;
        throw new UTFDataFormatException("Malformed string byte 0x" + Integer.toHexString(b)
            + " at position " + (p - 1));
      }
    }
    position = p;
    return new String(chars, 0, len);
  }
}
