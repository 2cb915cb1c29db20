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

  /** Elements published to this writer's channels so far; safe to read from any thread. */
  public long published() {
    long n = 0;
    for (SpscChannel c : channels) {
      n += c.published();
    }
    return n;
  }

  /** Whether some channel of this writer is full now, so the producer waits; from any thread. */
  public boolean hasFullChannel() {
    for (SpscChannel c : channels) {
      if (c.published() - c.released() >= c.capacity()) {
        return true;
      }
    }
    return false;
  }

  public int channelCount() {
    return channels.length;
  }

  /** The channels' record type. */
  public weir.api.typeinfo.TypeInfo<?> elementType() {
    return channels[0].elementType();
  }

  /**
   * An unaligned checkpoint's barrier: posts it ahead of the records in every channel and
   * returns, per channel, the records that wait in overflow, which are before the barrier but
   * not in the rings, so the checkpoint must hold them.
   */
  public InFlightRecords[] postPriorityBarrier(CheckpointBarrier barrier) {
    InFlightRecords[] waiting = new InFlightRecords[channels.length];
    for (int i = 0; i < channels.length; i++) {
      InFlightRecords records = new InFlightRecords();
      for (Object element : overflow[i]) {
        if (element instanceof Timestamped t) {
          records.add(t.element, t.timestamp);
        } else {
          records.add(element, Long.MIN_VALUE);
        }
      }
      waiting[i] = records;
      channels[i].postPriority(barrier);
    }
    return waiting;
  }

  /** Restore: puts records a checkpoint held in flight first in line for {@code channel}. */
  public void restoreWaiting(int channel, InFlightRecords records) {
    if (records.size() == 0) {
      return;
    }
    if (overflow[channel].isEmpty()) {
      overflowing++;
    }
    for (int i = 0; i < records.size(); i++) {
      long timestamp = records.timestamp(i);
      Object element = records.element(i);
      overflow[channel].add(timestamp == Long.MIN_VALUE ? element : new Timestamped(element, timestamp));
    }
  }

  /** Makes everything written visible to the consumers. */
  public void publish() {
    for (SpscChannel channel : channels) {
      channel.publish();
    }
  }
}
