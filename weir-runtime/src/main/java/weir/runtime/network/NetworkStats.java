package weir.runtime.network;

/**
 * A snapshot of a {@link NetworkEnvironment}'s counters. Bytes count the payload of data buffers,
 * not the frame headers.
 *
 * @param totalBuffers the buffers of the TaskManager
 * @param availableBuffers buffers neither held by a gate nor carrying data
 * @since 0.1
 */
public record NetworkStats(int totalBuffers, int availableBuffers, long bytesSent, long bytesReceived,
                           long buffersSent, long buffersReceived) {}
