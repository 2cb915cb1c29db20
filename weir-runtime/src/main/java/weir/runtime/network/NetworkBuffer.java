package weir.runtime.network;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;

/**
 * One fixed-size memory segment of the {@link NetworkBufferPool}: the unit of credit. It goes to
 * whoever recycles it next ({@link #recycler}), which changes as the buffer is handed on; the
 * buffer is also the listener of its own write, so sending allocates no callback.
 *
 * <p>Owned by one thread at a time; the hand-overs go through thread-safe queues.
 */
final class NetworkBuffer implements ChannelFutureListener {
  private final byte[] bytes;
  private int length;
  private BufferRecycler recycler;

  NetworkBuffer(int size, BufferRecycler recycler) {
    this.bytes = new byte[size];
    this.recycler = recycler;
  }

  byte[] bytes() {
    return bytes;
  }

  /** Bytes of data in the buffer. */
  int length() {
    return length;
  }

  void length(int length) {
    this.length = length;
  }

  int capacity() {
    return bytes.length;
  }

  void recycler(BufferRecycler recycler) {
    this.recycler = recycler;
  }

  /** Hands the buffer back to its recycler; the caller must not touch it afterwards. */
  void recycle() {
    length = 0;
    recycler.recycle(this);
  }

  /** The write of this buffer to the socket has finished (or failed): the bytes are no longer needed. */
  @Override
  public void operationComplete(ChannelFuture future) {
    recycle();
  }
}
