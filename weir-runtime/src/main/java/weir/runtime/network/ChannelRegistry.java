package weir.runtime.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Matches the two halves of a remote channel on the receiving TaskManager, whichever comes
 * first: a receiver registered by its gate, and the OPEN frame of its sender. When both are
 * there, the channel is bound to the connection and the receiver announces its credit.
 *
 * <p>Thread-safe; a lock per registration, never on the data path.
 */
final class ChannelRegistry {
  private record Opened(InboundHandler handler, int number) {}

  private final Map<ChannelId, ReceiverChannel> waitingForSender = new HashMap<>();
  private final Map<ChannelId, Opened> waitingForReceiver = new HashMap<>();

  synchronized void register(ReceiverChannel receiver) {
    ChannelId id = receiver.id();
    Opened opened = waitingForReceiver.remove(id);
    if (opened != null) {
      opened.handler.bind(opened.number, receiver);
    } else if (waitingForSender.putIfAbsent(id, receiver) != null) {
      throw new IllegalStateException("Bug in deployment: channel " + id + " already has a receiver on this TaskManager");
    }
  }

  synchronized void onOpen(ChannelId id, InboundHandler handler, int number) {
    ReceiverChannel receiver = waitingForSender.remove(id);
    if (receiver != null) {
      handler.bind(number, receiver);
    } else {
      waitingForReceiver.put(id, new Opened(handler, number));
    }
  }

  /** A receiver ends: it no longer waits for its sender. */
  synchronized void deregister(ReceiverChannel receiver) {
    waitingForSender.remove(receiver.id(), receiver);
  }

  /** A connection closed: the channels it opened no longer wait for receivers. */
  synchronized void dropPending(InboundHandler handler) {
    waitingForReceiver.values().removeIf(o -> o.handler == handler);
  }

  /** Forgets everything of a job attempt and returns the receivers that still waited for their senders. */
  synchronized List<ReceiverChannel> releaseJob(String jobId, int attempt) {
    waitingForReceiver.keySet().removeIf(id -> id.belongsTo(jobId, attempt));
    List<ReceiverChannel> waiting = new ArrayList<>();
    for (Iterator<ReceiverChannel> it = waitingForSender.values().iterator(); it.hasNext(); ) {
      ReceiverChannel r = it.next();
      if (r.id().belongsTo(jobId, attempt)) {
        waiting.add(r);
        it.remove();
      }
    }
    return waiting;
  }
}
