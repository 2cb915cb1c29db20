package weir.runtime.time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputView;
import weir.runtime.state.KeyGroupRange;
import weir.runtime.state.KeyGroups;
import weir.runtime.state.KeyedSnapshotParticipant;
import weir.runtime.state.KeyedStateSnapshot;

import weir.runtime.operators.ProcessingTimeService;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.WatermarkClock;

/**
 * The event-time and processing-time timers of one keyed operator, per (key, namespace). Timers
 * are set for the backend's current key; when one fires, its key becomes the current key before
 * the operator's callback runs, so keyed state reads that key's values.
 *
 * <p>Event-time timers fire from {@link #advanceWatermark}, processing-time timers from {@link
 * #onProcessingTime} (the task's {@link ProcessingTimers} calls it): both on the subtask's thread,
 * in time order, each once. A callback may set new timers; one already due fires in the same
 * round.
 *
 * <p>Owned by the subtask's thread.
 *
 * @param <N> the namespace type ({@link weir.runtime.state.VoidNamespace} outside windows)
 */
public final class InternalTimerService<N> implements ProcessingTimeListener, KeyedSnapshotParticipant {
  /** The name of the timers in the backend's snapshots (one timer service per operator). */
  private static final String SNAPSHOT_NAME = "weir.timers";

  /** What the operator does when a timer fires. */
  public interface Triggerable<N> {
    void onEventTime(long time, Object key, N namespace) throws Exception;

    void onProcessingTime(long time, Object key, N namespace) throws Exception;
  }

  private final HeapKeyedStateBackend keys;
  private final ProcessingTimeService clock;
  private final Triggerable<N> target;
  private final TimerHeap<N> eventTimers = new TimerHeap<>();
  private final TimerHeap<N> processingTimers = new TimerHeap<>();
  // the operator's event time, shared with its keyed state (event-time TTL reads it)
  private final WatermarkClock watermark;

  public InternalTimerService(HeapKeyedStateBackend keys, ProcessingTimeService clock, Triggerable<N> target) {
    this.keys = keys;
    this.clock = clock;
    this.target = target;
    this.watermark = keys.eventTime();
    restore(keys.registerParticipant(SNAPSHOT_NAME, this));
  }

  /**
   * Snapshot format of one key group: {@code int count, count × (byte domain, long time, long
   * sequence, key, namespace)}; domain 0 is event time, 1 processing time. The timers are
   * captured here, on the subtask's thread, and written later by the returned writer.
   */
  @Override
  public SectionWriter beginSnapshot() {
    KeyGroupRange range = keys.keyGroupRange();
    List<List<Captured>> groups = new ArrayList<>(2 * range.size());
    for (int i = 0; i < 2 * range.size(); i++) {
      groups.add(new ArrayList<>());
    }
    // event-time timers of key group i at 2i, processing-time ones at 2i + 1; copied, since the
    // heaps reuse their timer objects
    eventTimers.forEach(t -> groups.get(2 * indexOf(t, range)).add(new Captured(t)));
    processingTimers.forEach(t -> groups.get(2 * indexOf(t, range) + 1).add(new Captured(t)));
    return (keyGroupIndex, out, writers) -> {
      List<Captured> event = groups.get(2 * keyGroupIndex);
      List<Captured> processing = groups.get(2 * keyGroupIndex + 1);
      out.writeInt(event.size() + processing.size());
      write(event, 0, out, writers);
      write(processing, 1, out, writers);
    };
  }

  /** A timer as a snapshot holds it. */
  private record Captured(long time, long sequence, Object key, Object namespace) {
    Captured(TimerHeap.Timer<?> t) {
      this(t.time(), t.sequence(), t.key(), t.namespace());
    }
  }

  private int indexOf(TimerHeap.Timer<N> timer, KeyGroupRange range) {
    return KeyGroups.keyGroupOf(timer.key(), keys.maxParallelism()) - range.start();
  }

  private static void write(List<Captured> timers, int domain, DataOutputView out, KeyedStateSnapshot.Writers writers)
      throws IOException {
    for (Captured t : timers) {
      out.writeByte(domain);
      out.writeLong(t.time());
      out.writeLong(t.sequence());
      writers.writeKey(t.key(), out);
      writers.writeNamespace(t.namespace(), out);
    }
  }

  /** Sets the restored timers again, in their original order for equal times. */
  @SuppressWarnings("unchecked")
  private void restore(List<byte[]> sections) {
    if (sections.isEmpty()) {
      return;
    }
    record Restored(int domain, long time, long sequence, Object key, Object namespace) {}
    List<Restored> all = new ArrayList<>();
    DataInputDeserializer in = new DataInputDeserializer();
    try {
      for (byte[] section : sections) {
        in.setBuffer(section, 0, section.length);
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
          all.add(new Restored(in.readByte(), in.readLong(), in.readLong(), keys.readKey(in), keys.readNamespace(in)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restore timers: " + e.getMessage(), e);
    }
    all.sort(java.util.Comparator.comparingLong(Restored::time).thenComparingLong(Restored::sequence));
    for (Restored r : all) {
      (r.domain == 0 ? eventTimers : processingTimers).add(r.time, r.key, (N) r.namespace);
    }
  }

  public long currentProcessingTime() {
    return clock.currentProcessingTime();
  }

  public long currentWatermark() {
    return watermark.now();
  }

  public void registerEventTimeTimer(N namespace, long time) {
    eventTimers.add(time, keys.currentKey(), namespace);
  }

  public void deleteEventTimeTimer(N namespace, long time) {
    eventTimers.remove(time, keys.currentKey(), namespace);
  }

  public void registerProcessingTimeTimer(N namespace, long time) {
    processingTimers.add(time, keys.currentKey(), namespace);
  }

  public void deleteProcessingTimeTimer(N namespace, long time) {
    processingTimers.remove(time, keys.currentKey(), namespace);
  }

  /** Sets the watermark and fires every event-time timer at or before it. */
  public void advanceWatermark(long watermark) throws Exception {
    this.watermark.advance(watermark);
    TimerHeap.Timer<N> timer;
    while ((timer = eventTimers.peek()) != null && timer.time <= watermark) {
      eventTimers.poll();
      keys.setCurrentKey(timer.key);
      target.onEventTime(timer.time, timer.key, timer.namespace);
    }
  }

  @Override
  public long nextProcessingTime() {
    return processingTimers.nextTime();
  }

  @Override
  public void onProcessingTime(long now) throws Exception {
    TimerHeap.Timer<N> timer;
    while ((timer = processingTimers.peek()) != null && timer.time <= now) {
      processingTimers.poll();
      keys.setCurrentKey(timer.key);
      target.onProcessingTime(timer.time, timer.key, timer.namespace);
    }
  }

  /** The number of event-time timers set, for tests and metrics. */
  public int eventTimerCount() {
    return eventTimers.size();
  }

  /** The number of processing-time timers set, for tests and metrics. */
  public int processingTimerCount() {
    return processingTimers.size();
  }
}
