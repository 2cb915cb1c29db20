package weir.runtime.network;

import java.io.IOException;
import javax.annotation.Nullable;
import weir.runtime.exchange.CheckpointBarrier;
import weir.runtime.exchange.ControlEvent;
import weir.runtime.exchange.SpscChannel;
import weir.runtime.task.ProgressState;
import weir.runtime.task.Tasklet;

/**
 * The receiving end of one remote channel: the producer of a local {@link SpscChannel} that a
 * consumer subtask reads as always. Each call takes received buffers in order, deserializes their
 * elements into the ring ({@link ElementReader}) and recycles each buffer once it has been read
 * to its end, which returns its credit; the credit gathered in a call goes to the sender in one
 * message. While the sender reports a backlog the channel borrows floating buffers of its gate
 * and grants them as credit too.
 *
 * <p>A full ring is backpressure: the element that did not fit waits here, no more buffers are
 * read, no credit returns, and the sender stops. A priority barrier is posted beside the ring
 * ({@link SpscChannel#postPriority}) at its stream position, so records before it that are still
 * in the ring become the checkpoint's records in flight.
 *
 * <h3>Lifecycle and failure</h3>
 * Returns {@link ProgressState#DONE} after END_OF_PARTITION is in the ring. Throws, naming the
 * channel and the remote, when the connection is lost, the sender breaks the protocol or the job
 * is released. Its fields are owned by the worker thread that runs it.
 */
final class ReceiverTasklet implements Tasklet {
  // a call stops after this many elements so that other tasklets get their turn
  private static final int ELEMENTS_PER_CALL = 4096;

  private final ReceiverChannel channel;
  private final SpscChannel target;
  private final ElementReader reader;
  private final InputGate gate;
  @Nullable private NetworkBuffer current;
  // an element decoded but not yet accepted by the full ring
  @Nullable private Object waiting;
  private long waitingTimestamp;
  private boolean ended;

  ReceiverTasklet(ReceiverChannel channel, SpscChannel target, ElementReader reader, InputGate gate) {
    this.channel = channel;
    this.target = target;
    this.reader = reader;
    this.gate = gate;
  }

  @Override
  public String name() {
    return "Network receiver " + channel.id();
  }

  @Override
  public boolean isBlocking() {
    return false;
  }

  @Override
  public void init() {
  }

  @Override
  public ProgressState call() throws Exception {
    if (ended) {
      return ProgressState.DONE;
    }
    IOException failure = channel.failure();
    if (failure != null) {
      throw new IOException("Network receiver of channel " + channel.id() + " failed: " + failure.getMessage(), failure);
    }
    channel.requestFloating();
    int moved = 0;
    try {
      moved = drain();
    } finally {
      target.publish();
      channel.announceCredit();
    }
    if (ended) {
      return ProgressState.DONE;
    }
    return moved > 0 ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS;
  }

  // moves elements from received buffers into the ring until it is full, input runs out or the budget is spent
  private int drain() throws IOException {
    int moved = 0;
    if (waiting != null) {
      if (!offer(waiting, waitingTimestamp)) {
        return 0;
      }
      moved++;
    }
    while (moved < ELEMENTS_PER_CALL && !ended) {
      if (current == null) {
        current = channel.poll();
        if (current == null) {
          break;
        }
        reader.setBuffer(current);
      }
      boolean complete = reader.next();
      if (reader.isBufferConsumed()) {
        current.recycle();
        current = null;
      }
      if (!complete) {
        continue;
      }
      moved++;
      Object element = reader.element();
      reader.clearElement();
      if (reader.isPriority()) {
        target.postPriority((CheckpointBarrier) element);
      } else if (!offer(element, reader.timestamp())) {
        waiting = element;
        waitingTimestamp = reader.timestamp();
        break;
      }
    }
    return moved;
  }

  private boolean offer(Object element, long timestamp) {
    if (!target.offer(element, timestamp)) {
      return false;
    }
    waiting = null;
    if (element == ControlEvent.END_OF_PARTITION) {
      ended = true;
    }
    return true;
  }

  @Override
  public void close() {
    if (current != null) {
      current.recycle();
      current = null;
    }
    gate.receiverClosed(this, channel);
  }
}
