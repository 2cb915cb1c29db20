package weir.runtime.network;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPromise;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;
import weir.api.typeinfo.TypeSerializer;
import weir.runtime.exchange.ControlEvent;
import weir.runtime.exchange.SpscChannel;
import weir.runtime.task.ProgressState;
import weir.runtime.task.Tasklet;

/**
 * The sending end of one remote channel: the consumer of a local {@link SpscChannel} that a
 * producer subtask writes as always. Each call drains the ring into network buffers ({@link
 * ElementWriter}) and sends as many buffers as the receiver has granted credit for, each with
 * the backlog queued behind it; it writes without flushing and flushes once per call. A
 * partially filled buffer goes out when the ring has nothing more at the end of a call and credit
 * is left, and either the channel sent nothing for {@link #FLUSH_DELAY_NANOS} (a quiet channel:
 * sent at once) or the buffer has waited that long (a busy one: buffers fill up instead of going
 * out a few records each, each taking a credit).
 *
 * <h3>Priority barriers</h3>
 * A barrier posted beside the ring is sent at its position in the stream, after the records
 * before it, tagged so that the receiver posts it beside its own ring.
 *
 * <h3>Lifecycle and failure</h3>
 * Waits (no progress) while the connection is being established and while it has no credit, so
 * a receiver that registers late only delays it. Returns {@link ProgressState#DONE} once the
 * buffer holding END_OF_PARTITION has been written to the socket. Throws, naming the channel and
 * the remote, when the connection fails or cannot be established, or the job is released.
 *
 * <p>All fields but {@link #credit} and {@link #released} are owned by the worker thread that
 * runs the tasklet.
 */
final class SenderTasklet implements Tasklet, OutboundConnection.CreditListener {
  // a call stops after this many elements so that other tasklets get their turn
  private static final int ELEMENTS_PER_CALL = 4096;
  // how long a partial buffer of a busy channel may wait for more records
  static final long FLUSH_DELAY_NANOS = 1_000_000;

  private final ChannelId id;
  private final SpscChannel source;
  private final InetSocketAddress remote;
  private final NetworkEnvironment environment;
  private final NetworkCounters counters;
  private final ElementWriter writer;
  // granted by the receiver (event loop), consumed per buffer sent (worker)
  private final AtomicInteger credit = new AtomicInteger();
  @Nullable private volatile String released;

  @Nullable private OutboundConnection connection;
  private int number = -1;
  @Nullable private SpscChannel.PriorityBarrier nextPriority;
  private boolean endWritten;
  // when the partial buffer got its first element, and when a buffer was last sent (System.nanoTime)
  private long partialSince = Long.MIN_VALUE;
  private long lastSent = Long.MIN_VALUE / 2;
  @Nullable private ChannelPromise endPromise;

  SenderTasklet(ChannelId id, SpscChannel source, TypeSerializer<Object> serializer, InetSocketAddress remote,
                NetworkEnvironment environment, NetworkBufferPool pool, NetworkCounters counters, int queueLimit) {
    this.id = id;
    this.source = source;
    this.remote = remote;
    this.environment = environment;
    this.counters = counters;
    this.writer = new ElementWriter(pool, serializer.duplicate(), queueLimit);
  }

  ChannelId id() {
    return id;
  }

  @Override
  public String name() {
    return "Network sender " + id + " to " + remote;
  }

  @Override
  public boolean isBlocking() {
    return false;
  }

  @Override
  public void init() {
    connection = environment.connection(remote);
  }

  @Override
  public ProgressState call() throws Exception {
    checkFailure();
    if (number < 0 && !open()) {
      return ProgressState.NO_PROGRESS;
    }
    if (endPromise != null) {
      return finished();
    }
    boolean progress = fill();
    if (writer.hasPartialBuffer() && !writer.hasPending()) {
      if (endWritten) {
        writer.finishCurrent();
      } else if (credit.get() > writer.finishedCount() && source.available() == 0 && !source.hasPriority()) {
        long now = System.nanoTime();
        if (partialSince == Long.MIN_VALUE) {
          partialSince = now;
        }
        if (now - lastSent >= FLUSH_DELAY_NANOS || now - partialSince >= FLUSH_DELAY_NANOS) {
          // the ring is empty: send what there is rather than wait for more
          writer.finishCurrent();
        }
      }
    }
    if (writer.finishedCount() > 0) {
      partialSince = Long.MIN_VALUE;
    }
    progress |= send();
    return progress ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS;
  }

  private boolean open() throws IOException {
    Channel ch = connection.channel();
    if (ch == null) {
      return false;
    }
    number = connection.open(id, this);
    return true;
  }

  // drains the source ring into buffers until it is empty, buffers run out or the budget is spent
  private boolean fill() throws IOException {
    boolean continued = writer.hasPending();
    if (continued && !writer.continuePending()) {
      return false;
    }
    if (endWritten) {
      return continued;
    }
    int taken = 0;
    int n = source.available();
    if (nextPriority == null && source.hasPriority()) {
      nextPriority = source.pollPriority();
    }
    boolean room = true;
    while (room && !endWritten) {
      if (nextPriority != null && nextPriority.position() == source.consumed()) {
        room = writer.writePriority(nextPriority.barrier());
        nextPriority = source.hasPriority() ? source.pollPriority() : null;
        taken++;
        continue;
      }
      if (n == 0 || taken >= ELEMENTS_PER_CALL) {
        break;
      }
      Object element = source.take();
      n--;
      taken++;
      room = writer.write(element, source.takenTimestamp());
      if (element == ControlEvent.END_OF_PARTITION) {
        endWritten = true;
      }
    }
    if (taken > 0) {
      source.release();
    }
    return continued || taken > 0;
  }

  // sends finished buffers while credit lasts; one flush for all of them
  private boolean send() {
    Channel ch = connection.channel();
    int sent = 0;
    while (writer.finishedCount() > 0 && credit.get() > 0) {
      NetworkBuffer buffer = writer.pollFinished();
      int backlog = writer.finishedCount() + (writer.hasPartialBuffer() ? 1 : 0);
      credit.decrementAndGet();
      counters.sent(buffer.length());
      boolean last = endWritten && backlog == 0 && !writer.hasPending();
      ChannelPromise promise = ch.newPromise().addListener(buffer);
      ch.write(FrameDescriptor.data(ch.alloc(), number, backlog, buffer), promise);
      if (last) {
        endPromise = promise;
      }
      sent++;
    }
    if (sent > 0) {
      ch.flush();
      lastSent = System.nanoTime();
    }
    return sent > 0;
  }

  private ProgressState finished() throws IOException {
    if (!endPromise.isDone()) {
      return ProgressState.NO_PROGRESS;
    }
    if (!endPromise.isSuccess()) {
      throw new IOException("Network sender of channel " + id + " could not send its end of partition to "
          + remote + ": " + endPromise.cause(), endPromise.cause());
    }
    return ProgressState.DONE;
  }

  private void checkFailure() throws IOException {
    String why = released;
    if (why != null) {
      throw new IOException("Network sender of channel " + id + " to " + remote + " stopped: " + why);
    }
    IOException failure = connection.failure();
    if (failure != null && endPromise == null) {
      throw new IOException("Network sender of channel " + id + " failed: " + failure.getMessage()
          + " (remote " + remote + ")", failure);
    }
  }

  @Override
  public void addCredit(int granted) {
    credit.addAndGet(granted);
  }

  /** Stops the tasklet: its next call throws with {@code reason}. Any thread. */
  void release(String reason) {
    released = reason;
  }

  @Override
  public void close() {
    if (connection != null && number >= 0) {
      connection.close(number);
    }
    writer.release();
    environment.senderClosed(this);
  }
}
