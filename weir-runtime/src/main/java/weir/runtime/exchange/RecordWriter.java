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

  /** Routes a record to its channel(s). */
  public void emit(Object record) throws Exception {
    int channel = selector.select(record);
    if (channel == ChannelSelector.BROADCAST) {
      broadcast(record);
    } else {
      send(channel, record);
    }
  }

  /** Sends an element to every channel. */
  public void broadcast(Object element) {
    for (int i = 0; i < channels.length; i++) {
      send(i, element);
    }
  }

  private void send(int channel, Object element) {
    ArrayDeque<Object> pending = overflow[channel];
    if (pending.isEmpty()) {
      if (channels[channel].offer(element)) {
        return;
      }
      channels[channel].publish();
      overflowing++;
    }
    pending.add(element);
  }

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
      while (!pending.isEmpty() && channel.offer(pending.peek())) {
        pending.poll();
      }
      channel.publish();
      if (pending.isEmpty()) {
        overflowing--;
      }
    }
    return overflowing == 0;
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
