package weir.runtime.network;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;

/**
 * The fixed number of fixed-size buffers of one TaskManager. Buffers are created on first use
 * and never more than {@code totalBuffers}, so network memory stays below {@code totalBuffers ×
 * bufferSize}. Gates reserve their buffers all at once ({@link #requestBuffers}); senders take
 * one at a time ({@link #requestBuffer}) and never wait for one. Thread-safe; one atomic update
 * per buffer.
 */
final class NetworkBufferPool implements BufferRecycler {
  private final int bufferSize;
  private final int totalBuffers;
  private final ConcurrentLinkedQueue<NetworkBuffer> free = new ConcurrentLinkedQueue<>();
  // buffers neither handed out nor reserved
  private final AtomicInteger available;

  NetworkBufferPool(int bufferSize, int totalBuffers) {
    this.bufferSize = bufferSize;
    this.totalBuffers = totalBuffers;
    this.available = new AtomicInteger(totalBuffers);
  }

  /** A buffer, or {@code null} when all are in use. */
  @Nullable
  NetworkBuffer requestBuffer() {
    return reserve(1) ? take() : null;
  }

  /**
   * {@code count} buffers for a gate, all or none.
   *
   * @throws IllegalStateException naming the sizes when the pool cannot supply them
   */
  NetworkBuffer[] requestBuffers(int count, String requester, String sizing) {
    if (!reserve(count)) {
      throw new IllegalStateException(requester + " needs " + count + " network buffers (" + sizing + "), but only "
          + available.get() + " of " + totalBuffers + " buffers of " + bufferSize + " bytes are free;"
          + " raise NetworkConfig.totalBuffers or lower exclusiveBuffersPerChannel/floatingBuffersPerGate");
    }
    NetworkBuffer[] buffers = new NetworkBuffer[count];
    for (int i = 0; i < count; i++) {
      buffers[i] = take();
    }
    return buffers;
  }

  private boolean reserve(int count) {
    while (true) {
      int a = available.get();
      if (a < count) {
        return false;
      }
      if (available.compareAndSet(a, a - count)) {
        return true;
      }
    }
  }

  private NetworkBuffer take() {
    NetworkBuffer b = free.poll();
    if (b == null) {
      return new NetworkBuffer(bufferSize, this);
    }
    b.recycler(this);
    return b;
  }

  @Override
  public void recycle(NetworkBuffer buffer) {
    buffer.recycler(this);
    free.add(buffer);
    available.incrementAndGet();
  }

  int availableBuffers() {
    return available.get();
  }

  int totalBuffers() {
    return totalBuffers;
  }

  int bufferSize() {
    return bufferSize;
  }
}
