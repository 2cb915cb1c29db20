package weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.runtime.exchange.CheckpointBarrier;
import weir.runtime.exchange.ControlEvent;
import weir.runtime.exchange.InFlightRecords;
import weir.runtime.exchange.SpscChannel;
import weir.runtime.exchange.WatermarkEvent;
import weir.api.typeinfo.StringSerializer;
import weir.api.typeinfo.TypeSerializer;
import weir.runtime.time.RecordTimestamp;

/**
 * Unaligned checkpoints at a task's input: when the snapshot is taken and which elements each
 * channel holds in flight, for in-band barriers, priority barriers and the aligned→unaligned
 * timeout switch; and the replay of restored records in flight.
 */
class NetworkInput_unalignedTest {
  /** The task's side: what the input called back, and what the head had seen at the time. */
  static final class Calls implements BarrierAligned {
    final InputTestSupport.Head head;
    final List<String> events = new ArrayList<>();
    InFlightRecords[] inFlight;

    Calls(InputTestSupport.Head head) {
      this.head = head;
    }

    @Override
    public void onAligned(long id, long timestamp, long alignmentNanos) {
      events.add("aligned " + id + " after " + head.seen);
    }

    @Override
    public void onUnalignedSnapshot(CheckpointBarrier barrier, long alignmentNanos) {
      events.add("snapshot " + barrier.id() + " after " + head.seen);
    }

    @Override
    public void onInFlightComplete(long id, InFlightRecords[] inputs) {
      events.add("complete " + id);
      inFlight = inputs;
    }
  }

  private final SpscChannel[] channels = {new SpscChannel(16), new SpscChannel(16)};
  private final InputTestSupport.Head head = new InputTestSupport.Head(false);
  private final Calls calls = new Calls(head);
  private final NetworkInput input = new NetworkInput(channels, new int[] {0, 0}, head, new RecordTimestamp(), calls);
  private final StreamTask task = InputTestSupport.idleTask();

  private void send(int channel, Object... elements) {
    InputTestSupport.send(channels[channel], elements);
  }


  /** The elements as a checkpoint stores them: through their bytes, where barriers and ends are left out. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Object> elements(InFlightRecords records) throws Exception {
    TypeSerializer<Object> strings = (TypeSerializer) StringSerializer.INSTANCE;
    InFlightRecords stored = InFlightRecords.fromBytes(records.toBytes(strings), strings);
    List<Object> list = new ArrayList<>();
    for (int i = 0; i < stored.size(); i++) {
      Object e = stored.element(i);
      list.add(e instanceof WatermarkEvent w ? "wm" + w.timestamp() : e);
    }
    return list;
  }

  @Test
  void an_unaligned_barrier_snapshots_at_once_and_records_other_channels_until_their_barrier() throws Exception {
    send(0, "a1", new CheckpointBarrier(1, 0, 0), "a2");
    send(1, "b1", "b2");
    input.process(100, task);
    assertThat(calls.events).containsExactly("snapshot 1 after [a1]");
    assertThat(head.seen).containsExactly("a1", "a2", "b1", "b2"); // nothing is blocked

    send(1, "b3", new WatermarkEvent(9), new CheckpointBarrier(1, 0, 0), "b4");
    input.process(100, task);
    assertThat(calls.events).containsExactly("snapshot 1 after [a1]", "complete 1");
    assertThat(elements(calls.inFlight[0])).isEmpty();
    assertThat(elements(calls.inFlight[1])).containsExactly("b1", "b2", "b3", "wm9");
    assertThat(head.seen).containsExactly("a1", "a2", "b1", "b2", "b3", "b4");
  }

  @Test
  void a_priority_barrier_overtakes_the_records_before_it_which_are_in_flight() throws Exception {
    send(0, "a1", "a2");
    channels[0].postPriority(new CheckpointBarrier(1, 0, 0));
    send(0, "a3");
    send(1, "b1");
    input.process(100, task);
    assertThat(calls.events).containsExactly("snapshot 1 after []");
    assertThat(head.seen).containsExactly("a1", "a2", "a3", "b1");

    channels[1].postPriority(new CheckpointBarrier(1, 0, 0));
    send(1, "b2");
    input.process(100, task);
    assertThat(calls.events).containsExactly("snapshot 1 after []", "complete 1");
    assertThat(elements(calls.inFlight[0])).containsExactly("a1", "a2");
    assertThat(elements(calls.inFlight[1])).containsExactly("b1");
  }

  @Test
  void an_alignment_that_takes_longer_than_the_timeout_switches_to_unaligned() throws Exception {
    send(0, "a1", new CheckpointBarrier(1, 0, 1), "a2");
    send(1, "b1");
    input.process(100, task);
    assertThat(head.seen).containsExactly("a1", "b1"); // channel 0 is blocked behind its barrier
    assertThat(calls.events).isEmpty();

    long start = System.nanoTime();
    while (System.nanoTime() == start) {
      Thread.onSpinWait();
    }
    input.pollCheckpointEvents();
    assertThat(calls.events).containsExactly("snapshot 1 after [a1, b1]");

    send(1, "b2", new CheckpointBarrier(1, 0, 1));
    input.process(100, task);
    assertThat(calls.events).containsExactly("snapshot 1 after [a1, b1]", "complete 1");
    assertThat(elements(calls.inFlight[0])).isEmpty();
    assertThat(elements(calls.inFlight[1])).containsExactly("b2");
    assertThat(head.seen).containsExactly("a1", "b1", "a2", "b2");
  }

  @Test
  void aligned_barriers_block_and_snapshot_once_all_arrived() throws Exception {
    send(0, "a1", new CheckpointBarrier(1, 0), "a2");
    send(1, "b1");
    input.process(100, task);
    input.pollCheckpointEvents();
    assertThat(calls.events).isEmpty();
    send(1, new CheckpointBarrier(1, 0));
    input.process(100, task);
    assertThat(calls.events).containsExactly("aligned 1 after [a1, b1]");
  }

  @Test
  void a_channel_that_ends_settles_with_what_it_delivered_before_its_end() throws Exception {
    send(0, new CheckpointBarrier(1, 0, 0));
    send(1, "b1");
    input.process(100, task);
    send(1, "b2", ControlEvent.END_OF_PARTITION);
    input.process(100, task);
    assertThat(calls.events).containsExactly("snapshot 1 after []", "complete 1");
    assertThat(elements(calls.inFlight[1])).containsExactly("b1", "b2");
  }

  @Test
  void restored_records_in_flight_are_replayed_before_the_channels_are_read() throws Exception {
    InFlightRecords first = new InFlightRecords();
    first.add("r1", 5);
    first.add(new WatermarkEvent(3), Long.MIN_VALUE);
    InFlightRecords second = new InFlightRecords();
    second.add("r2", 6);
    second.add(new WatermarkEvent(4), Long.MIN_VALUE);
    input.restoreInFlight(new InFlightRecords[] {first, second});
    send(0, "a1");
    while (input.process(1, task) != ProgressState.NO_PROGRESS && head.seen.size() < 4) {
      // one element per call
    }
    // the watermark of the input is the smaller of the two channels' once both have one
    assertThat(head.seen).containsExactly("r1", "r2", "wm3", "a1");
  }
}
