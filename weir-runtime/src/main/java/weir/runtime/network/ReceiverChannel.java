package weir.runtime.network;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;

/**
 * What the event loop and the receiver tasklet of one remote input channel share: the empty
 * buffers the sender has credit for ({@code credited}), the filled buffers in arrival order
 * ({@code received}), the sender's last announced backlog and the credit not yet announced. The
 * event loop fills credited buffers ({@link #onData}); the tasklet empties them and recycles
 * them here, which makes them credit again. A buffer arriving with no credited buffer to take it
 * is a protocol error: the sender sent without credit.
 *
 * <p>Thread-safe through its queues and atomics; recycling takes a short lock per buffer.
 */
final class ReceiverChannel implements BufferRecycler {
  private final ChannelId id;
  private final LocalBufferPool gatePool;
  private final NetworkCounters counters;
  private final ConcurrentLinkedQueue<NetworkBuffer> credited = new ConcurrentLinkedQueue<>();
  // the size of credited, which a linked queue cannot tell in constant time
  private final AtomicInteger creditedCount = new AtomicInteger();
  private final ConcurrentLinkedQueue<NetworkBuffer> received = new ConcurrentLinkedQueue<>();
  private final AtomicInteger unannounced = new AtomicInteger();
  private volatile int backlog;
  @Nullable private volatile InboundHandler connection;
  private volatile int number;
  @Nullable private volatile IOException failure;
  // set under the lock; read without it by the event loop
  private volatile boolean closed;

  ReceiverChannel(ChannelId id, LocalBufferPool gatePool, NetworkCounters counters, NetworkBuffer[] exclusive) {
    this.id = id;
    this.gatePool = gatePool;
    this.counters = counters;
    for (NetworkBuffer b : exclusive) {
      b.recycler(this);
      addCredited(b);
    }
    unannounced.set(exclusive.length);
  }

  ChannelId id() {
    return id;
  }

  /** The sender has opened the channel as {@code number} on {@code handler}'s connection: announce the credit. */
  void bind(InboundHandler handler, int number) {
    this.number = number;
    this.connection = handler;
    announceCredit();
  }

  /** Event loop: a DATA frame's bytes for this channel. */
  void onData(ByteBuf frame, int senderBacklog) throws IOException {
    NetworkBuffer buffer = credited.poll();
    if (buffer != null) {
      creditedCount.decrementAndGet();
    }
    int length = frame.readableBytes();
    if (buffer == null) {
      throw new IOException("Protocol error: a buffer of " + length + " bytes for channel " + id
          + " arrived without credit");
    }
    if (length > buffer.capacity()) {
      buffer.recycle();
      throw new IOException("Protocol error: a buffer of " + length + " bytes for channel " + id
          + " is larger than the " + buffer.capacity() + " bytes of a network buffer");
    }
    frame.readBytes(buffer.bytes(), 0, length);
    buffer.length(length);
    backlog = senderBacklog;
    counters.received(length);
    received.add(buffer);
    if (closed) {
      drainReceived(); // close() may have drained before this buffer arrived
    }
  }

  private void addCredited(NetworkBuffer buffer) {
    credited.add(buffer);
    creditedCount.incrementAndGet();
  }

  /** Tasklet: the next filled buffer, or {@code null}. */
  @Nullable
  NetworkBuffer poll() {
    return received.poll();
  }

  /** Buffers received and not yet taken by the tasklet. */
  int queued() {
    return received.size();
  }

  /** Tasklet: borrows floating buffers from the gate while the sender's backlog exceeds the free credit. */
  void requestFloating() {
    int need = backlog - creditedCount.get();
    for (int i = 0; i < need; i++) {
      NetworkBuffer b = gatePool.requestFloating();
      if (b == null) {
        return;
      }
      synchronized (this) {
        if (closed) {
          b.recycle();
          return;
        }
        addCredited(b);
      }
      unannounced.incrementAndGet();
    }
  }

  /** Sends the credit gathered since the last announcement, if the sender has opened the channel. */
  void announceCredit() {
    InboundHandler c = connection;
    if (c != null) {
      int n = unannounced.getAndSet(0);
      if (n > 0) {
        c.sendCredit(number, n);
      }
    }
  }

  /** An exclusive buffer is empty again: it becomes credit, or goes to the gate once the channel is closed. */
  @Override
  public void recycle(NetworkBuffer buffer) {
    synchronized (this) {
      if (!closed) {
        buffer.recycler(this);
        addCredited(buffer);
        unannounced.incrementAndGet();
        return;
      }
    }
    gatePool.recycle(buffer);
  }

  /** Any thread: the channel cannot go on; the tasklet throws {@code cause} on its next call. */
  void fail(IOException cause) {
    if (failure == null) {
      failure = cause;
    }
  }

  @Nullable
  IOException failure() {
    return failure;
  }

  /** Gives every buffer back to the gate and detaches from the connection. */
  void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    InboundHandler c = connection;
    if (c != null) {
      c.unbind(number);
    }
    for (NetworkBuffer b = credited.poll(); b != null; b = credited.poll()) {
      creditedCount.decrementAndGet();
      b.recycle();
    }
    drainReceived();
  }

  private void drainReceived() {
    for (NetworkBuffer b = received.poll(); b != null; b = received.poll()) {
      b.recycle();
    }
  }
}
