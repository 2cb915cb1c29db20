package weir.runtime.exchange;

import java.util.ArrayDeque;

/**
 * Writes the records of one producing subtask into the channels of one outgoing edge, choosing a
 * channel per record. A record that does not fit into its channel's ring waits in that channel's
 * overflow queue; the task stops taking input until {@link #drainOverflow()} has emptied all of
 * them, which bounds memory to one input batch.
 *
 * <p>Owned by the producing subtask's thread.
 */
public final class RecordWriter {
  private final SpscChannel[] channels;
  private final ChannelSelector selector;
  private final ArrayDeque<Object>[] overflow;
  private int overflowing;

  @SuppressWarnings("unchecked")
  public RecordWriter(SpscChannel[] channels, ChannelSelector selector) {
    this.channels = channels;
    this.selector = selector;
    this.overflow = (ArrayDeque<Object>[]) new ArrayDeque<?>[channels.length];
    for (int i = 0; i < channels.length; i++) {
      overflow[i] = new ArrayDeque<>();
    }
  }

  /** Routes a record with its event timestamp to its channel(s). */
  public void emit(Object record, long timestamp) throws Exception {
    int channel = selector.select(record);
    if (channel == ChannelSelector.BROADCAST) {
      for (int i = 0; i < channels.length; i++) {
        send(i, record, timestamp);
      }
    } else {
      send(channel, record, timestamp);
    }
  }

  /** Sends a control event to every channel. */
  public void broadcast(ControlEvent event) {
    for (int i = 0; i < channels.length; i++) {
      send(i, event, Long.MIN_VALUE);
    }
  }

  private void send(int channel, Object element, long timestamp) {
    ArrayDeque<Object> pending = overflow[channel];
    if (pending.isEmpty()) {
      if (channels[channel].offer(element, timestamp)) {
        return;
      }
      channels[channel].publish();
      overflowing++;
    }
    // the rare path: a record waiting for room keeps its timestamp in an envelope
    pending.add(timestamp == Long.MIN_VALUE ? element : new Timestamped(element, timestamp));
  }

  private record Timestamped(Object element, long timestamp) {}

  /** Moves overflow into the rings as far as they have room; true when no overflow is left. */
  public boolean drainOverflow() {
    if (overflowing == 0) {
      return true;
    }
    for (int i = 0; i < channels.length; i++) {
      ArrayDeque<Object> pending = overflow[i];
      if (pending.isEmpty()) {
        continue;
      }
      SpscChannel channel = channels[i];
      while (!pending.isEmpty() && offer(channel, pending.peek())) {
        pending.poll();
      }
      channel.publish();
      if (pending.isEmpty()) {
        overflowing--;
      }
    }
    return overflowing == 0;
  }

  private static boolean offer(SpscChannel channel, Object element) {
    return element instanceof Timestamped t ? channel.offer(t.element, t.timestamp) : channel.offer(element);
  }

  /** Whether records wait in overflow queues. */
  public boolean isBackpressured() {
    return overflowing > 0;
  }

  /** Makes everything written visible to the consumers. */
  public void publish() {
    for (SpscChannel channel : channels) {
      channel.publish();
    }
  }
}
