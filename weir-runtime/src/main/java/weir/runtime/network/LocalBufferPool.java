package weir.runtime.network;

import java.util.ArrayDeque;
import javax.annotation.Nullable;

/**
 * The buffers of one input gate, taken from the {@link NetworkBufferPool} when the gate is
 * created: {@code exclusiveBuffersPerChannel} for each remote channel, handed out once per channel
 * ({@link #exclusiveBuffers}), and {@code floatingBuffersPerGate} that channels borrow while their
 * senders have a backlog and give back after use. After {@link #release()} every buffer that
 * comes back goes on to the network pool.
 *
 * <p>Thread-safe: the channels of a gate may run on different worker threads, and releasing
 * happens on whichever thread ends the gate. One short lock per buffer, never per record.
 */
final class LocalBufferPool implements BufferRecycler {
  private final NetworkBufferPool global;
  private final ArrayDeque<NetworkBuffer> exclusive = new ArrayDeque<>();
  private final ArrayDeque<NetworkBuffer> floating = new ArrayDeque<>();
  private final int exclusivePerChannel;
  private boolean released;

  LocalBufferPool(NetworkBufferPool global, String gateName, int channels, int exclusivePerChannel, int floatingBuffers) {
    this.global = global;
    this.exclusivePerChannel = exclusivePerChannel;
    int count = channels * exclusivePerChannel + floatingBuffers;
    String sizing = channels + " channels × " + exclusivePerChannel + " exclusive + " + floatingBuffers + " floating";
    NetworkBuffer[] buffers = global.requestBuffers(count, "Input gate '" + gateName + "'", sizing);
    for (int i = 0; i < buffers.length; i++) {
      buffers[i].recycler(this);
      (i < channels * exclusivePerChannel ? exclusive : floating).add(buffers[i]);
    }
  }

  /** The exclusive buffers of one more channel; the channel recycles them to itself. */
  synchronized NetworkBuffer[] exclusiveBuffers(ChannelId channel) {
    if (released) {
      throw new IllegalStateException("Input channel " + channel + " cannot be created: its gate was released");
    }
    if (exclusive.size() < exclusivePerChannel) {
      throw new IllegalStateException("Bug in input gate setup: channel " + channel
          + " is one more than the remote channels the gate was created for");
    }
    NetworkBuffer[] buffers = new NetworkBuffer[exclusivePerChannel];
    for (int i = 0; i < buffers.length; i++) {
      buffers[i] = exclusive.poll();
    }
    return buffers;
  }

  /** A floating buffer, or {@code null} when other channels hold them all. */
  @Nullable
  synchronized NetworkBuffer requestFloating() {
    return floating.poll();
  }

  /** Takes back a floating buffer after use, or an exclusive one from a channel that closed. */
  @Override
  public void recycle(NetworkBuffer buffer) {
    synchronized (this) {
      if (!released) {
        buffer.recycler(this);
        floating.add(buffer);
        return;
      }
    }
    global.recycle(buffer);
  }

  /** Returns every buffer held here to the network pool, and every later one as it comes back. */
  void release() {
    ArrayDeque<NetworkBuffer> back = new ArrayDeque<>();
    synchronized (this) {
      if (released) {
        return;
      }
      released = true;
      back.addAll(exclusive);
      back.addAll(floating);
      exclusive.clear();
      floating.clear();
    }
    for (NetworkBuffer b : back) {
      global.recycle(b);
    }
  }
}
