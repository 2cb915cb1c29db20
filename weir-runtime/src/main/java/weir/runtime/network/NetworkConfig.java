package weir.runtime.network;

import java.util.Objects;

/**
 * Sizes of the network memory of one TaskManager and where its data server listens. The memory
 * the data plane uses is bounded by {@code totalBuffers × bufferSize}: every byte that is
 * serialized for sending or received from a remote lies in one of these buffers.
 *
 * @param bindHost the address the data server binds to
 * @param port the port of the data server; 0 picks any free port
 * @param bufferSize bytes per network buffer (one buffer = one credit)
 * @param totalBuffers buffers of the whole TaskManager ({@link NetworkBufferPool})
 * @param exclusiveBuffersPerChannel buffers each remote input channel owns (its initial credit)
 * @param floatingBuffersPerGate buffers an input gate lends to the channels with backlog
 * @since 0.1
 */
public record NetworkConfig(String bindHost, int port, int bufferSize, int totalBuffers,
                            int exclusiveBuffersPerChannel, int floatingBuffersPerGate) {
  /** The smallest buffer: it must hold an element header and the start of a record. */
  public static final int MIN_BUFFER_SIZE = 64;

  public NetworkConfig {
    Objects.requireNonNull(bindHost, "bindHost");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, but was " + port);
    }
    if (bufferSize < MIN_BUFFER_SIZE) {
      throw new IllegalArgumentException("bufferSize must be at least " + MIN_BUFFER_SIZE + " bytes, but was " + bufferSize);
    }
    if (totalBuffers < 1) {
      throw new IllegalArgumentException("totalBuffers must be at least 1, but was " + totalBuffers);
    }
    if (exclusiveBuffersPerChannel < 1) {
      throw new IllegalArgumentException("exclusiveBuffersPerChannel must be at least 1 (a channel without buffers"
          + " can never announce credit), but was " + exclusiveBuffersPerChannel);
    }
    if (floatingBuffersPerGate < 0) {
      throw new IllegalArgumentException("floatingBuffersPerGate must not be negative, but was " + floatingBuffersPerGate);
    }
  }

  /** Any free port, 32 KiB buffers, 2048 buffers (64 MiB), 2 exclusive buffers per channel, 8 floating per gate. */
  public static NetworkConfig defaults(String bindHost) {
    return new NetworkConfig(bindHost, 0, 32 * 1024, 2048, 2, 8);
  }

  /** The buffers a sender may hold queued before it stops draining its source ring. */
  int senderQueueLimit() {
    return exclusiveBuffersPerChannel + floatingBuffersPerGate;
  }
}
