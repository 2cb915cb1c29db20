package weir.api.connector.sink.lib;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The buffered stream an {@link Encoder} writes a part file through. It counts the bytes written
 * so the rolling policy needs no system call per record. {@link #close()} only flushes, so an
 * encoder that closes the stream does no harm; the writer ends the file with {@link #sync()} and
 * {@link #closeFile()}. Owned by the writer's thread.
 */
final class PartFileStream extends OutputStream {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
  private long size;

  PartFileStream(FileChannel channel) {
    this.channel = channel;
  }

  /** The bytes written so far, buffered ones included. */
  long size() {
    return size;
  }

  @Override
  public void write(int b) throws IOException {
    if (!buffer.hasRemaining()) {
      drain();
    }
    buffer.put((byte) b);
    size++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len > buffer.remaining()) {
      drain();
      if (len > buffer.capacity()) {
        writeFully(ByteBuffer.wrap(b, off, len));
        size += len;
        return;
      }
    }
    buffer.put(b, off, len);
    size += len;
  }

  /** Hands the buffered bytes to the operating system. */
  @Override
  public void flush() throws IOException {
    drain();
  }

  /** Flushes only: the writer owns the file. */
  @Override
  public void close() throws IOException {
    flush();
  }

  /** Flushes and forces the file's content and size to disk. */
  void sync() throws IOException {
    drain();
    channel.force(true);
  }

  /** Closes the file, without flushing. */
  void closeFile() throws IOException {
    channel.close();
  }

  private void drain() throws IOException {
    buffer.flip();
    writeFully(buffer);
    buffer.clear();
  }

  private void writeFully(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }
}
