package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A {@link DataOutputView} over a growable {@code byte[]}. Multi-byte values are big-endian.
 *
 * <h3>Lifecycle</h3>
 * Create once, write records, read them out with {@link #getSharedBuffer()} and
 * {@link #position()} (no copy) or {@link #copyOfBuffer()}, then {@link #clear()} and reuse. The
 * buffer only grows (doubling), so a reused instance allocates nothing per record once it has
 * reached the size of the largest record.
 *
 * <h3>Threading</h3>
 * Not thread-safe; owned by one thread.
 *
 * <h3>Failure cases</h3>
 * Growing past {@code Integer.MAX_VALUE - 8} bytes throws {@link IOException}.
 *
 * @since 0.1
 */
@Evolving
public final class DataOutputSerializer implements DataOutputView {

  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private byte[] buffer;
  private int position;

  /** Creates a serializer whose buffer starts at {@code initialCapacity} bytes (at least 16). */
  public DataOutputSerializer(int initialCapacity) {
    this.buffer = new byte[Math.max(16, initialCapacity)];
  }

  /** Number of bytes written since creation or the last {@link #clear()}. */
  public int position() {
    return position;
  }

  /** Forgets the written bytes; keeps the buffer. */
  public void clear() {
    position = 0;
  }

  /** A copy of the written bytes, exactly {@link #position()} long. */
  public byte[] copyOfBuffer() {
    return Arrays.copyOf(buffer, position);
  }

  /** The internal buffer (valid bytes are {@code [0, position())}); changes on the next write. */
  public byte[] getSharedBuffer() {
    return buffer;
  }

  private void ensure(int extra) throws IOException {
    if (buffer.length - position < extra) {
      grow(extra);
    }
  }

  private void grow(int extra) throws IOException {
    long required = (long) position + extra;
    if (extra < 0 || required > MAX_CAPACITY) {
      throw new IOException("Serialized record too large: position=" + position + ", extra=" + extra
          + ", max=" + MAX_CAPACITY);
    }
    long doubled = Math.min((long) buffer.length * 2, MAX_CAPACITY);
    buffer = Arrays.copyOf(buffer, (int) Math.max(doubled, required));
  }

  @Override
  public void write(int b) throws IOException {
    ensure(1);
    buffer[position++] = (byte) b;
  }

  @Override
  public void write(byte[] b) throws IOException {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    ensure(len);
    System.arraycopy(b, off, buffer, position, len);
    position += len;
  }

  @Override
  public void writeBoolean(boolean v) throws IOException {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) throws IOException {
    write(v);
  }

  @Override
  public void writeShort(int v) throws IOException {
    ensure(2);
    SHORT.set(buffer, position, (short) v);
    position += 2;
  }

  @Override
  public void writeChar(int v) throws IOException {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) throws IOException {
    ensure(4);
    INT.set(buffer, position, v);
    position += 4;
  }

  @Override
  public void writeLong(long v) throws IOException {
    ensure(8);
    LONG.set(buffer, position, v);
    position += 8;
  }

  @Override
  public void writeFloat(float v) throws IOException {
    writeInt(Float.floatToRawIntBits(v));
  }

  @Override
  public void writeDouble(double v) throws IOException {
    writeLong(Double.doubleToRawLongBits(v));
  }

  /** Writes the low byte of each char, as {@link java.io.DataOutput#writeBytes(String)} specifies. */
  @Override
  public void writeBytes(String s) throws IOException {
    int len = s.length();
    ensure(len);
    for (int i = 0; i < len; i++) {
      buffer[position++] = (byte) s.charAt(i);
    }
  }

  @Override
  public void writeChars(String s) throws IOException {
    int len = s.length();
    ensure(len * 2);
    for (int i = 0; i < len; i++) {
      SHORT.set(buffer, position, (short) s.charAt(i));
      position += 2;
    }
  }

  /** Writes a non-null string in the {@link DataOutputView} string layout (no 64k limit). */
  @Override
  public void writeUTF(String s) throws IOException {
    writeString(Objects.requireNonNull(s, "writeUTF does not accept null; use writeString"));
  }

  @Override
  public void writeVarInt(int value) throws IOException {
    ensure(5);
    while ((value & ~0x7F) != 0) {
      buffer[position++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[position++] = (byte) value;
  }

  @Override
  public void writeString(@Nullable String value) throws IOException {
    if (value == null) {
      writeVarInt(0);
      return;
    }
    int len = value.length();
    writeVarInt(len + 1);
    ensure(len <= MAX_CAPACITY / 3 ? len * 3 : MAX_CAPACITY);
    byte[] buf = buffer;
    int p = position;
    for (int i = 0; i < len; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        buf[p++] = (byte) c;
      } else if (c < 0x800) {
        buf[p++] = (byte) (0xC0 | (c >> 6));
        buf[p++] = (byte) (0x80 | (c & 0x3F));
      } else {
        buf[p++] = (byte) (0xE0 | (c >> 12));
        buf[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    position = p;
  }
}
