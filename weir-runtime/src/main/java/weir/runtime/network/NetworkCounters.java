package weir.runtime.network;

import java.util.concurrent.atomic.LongAdder;

/** The traffic counters of one {@link NetworkEnvironment}; updated once per buffer. Thread-safe. */
final class NetworkCounters {
  final LongAdder bytesSent = new LongAdder();
  final LongAdder bytesReceived = new LongAdder();
  final LongAdder buffersSent = new LongAdder();
  final LongAdder buffersReceived = new LongAdder();

  void sent(int bytes) {
    bytesSent.add(bytes);
    buffersSent.increment();
  }

  void received(int bytes) {
    bytesReceived.add(bytes);
    buffersReceived.increment();
  }
}
