package weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.runtime.exchange.CheckpointBarrier;
import weir.runtime.exchange.InFlightRecords;
import weir.runtime.exchange.SpscChannel;
import weir.runtime.exchange.WatermarkEvent;
import weir.runtime.time.RecordTimestamp;

/**
 * The input lets the head read ahead for groups of records before handing them over one by one:
 * in order, with their places in the group, past in-band events, and anew after an input stopped
 * in the middle of a group.
 */
class NetworkInput_prefetchTest {
  /** Alignment callbacks; a checkpoint completes at once. */
  static final class Aligned implements BarrierAligned {
    @Override
    public void onAligned(long id, long timestamp, long alignmentNanos) {}

    @Override
    public void onUnalignedSnapshot(CheckpointBarrier barrier, long alignmentNanos) {}

    @Override
    public void onInFlightComplete(long id, InFlightRecords[] inputs) {}
  }

  private final SpscChannel[] channels = {new SpscChannel(64), new SpscChannel(64)};
  private final InputTestSupport.Head head = new InputTestSupport.Head(true);
  private final StreamTask task = InputTestSupport.idleTask();

  private void send(int channel, Object... elements) {
    InputTestSupport.send(channels[channel], elements);
  }


  private static List<String> group(int from, int to) {
    List<String> ahead = new ArrayList<>();
    for (int i = from; i < to; i++) {
      ahead.add("ahead r" + i + "@" + (i - from));
    }
    return ahead;
  }

  private static List<String> records(int from, int to) {
    List<String> records = new ArrayList<>();
    for (int i = from; i < to; i++) {
      records.add("r" + i);
    }
    return records;
  }

  @Test
  void records_are_read_ahead_for_in_groups_before_they_are_handed_over_and_events_are_passed_by() throws Exception {
    NetworkInput input = new NetworkInput(new SpscChannel[] {channels[0]}, new int[] {0}, head, new RecordTimestamp(),
        new Aligned());
    for (int i = 0; i < 20; i++) {
      send(0, "r" + i);
      if (i == 4) {
        send(0, new WatermarkEvent(3));
      }
    }
    input.process(100, task);

    // the first group is 16 elements: 15 records and the watermark
    List<String> expected = new ArrayList<>(group(0, 15));
    expected.addAll(records(0, 5));
    expected.add("wm3");
    expected.addAll(records(5, 15));
    expected.addAll(group(15, 20));
    expected.addAll(records(15, 20));
    assertThat(head.seen).containsExactlyElementsOf(expected);
  }

  @Test
  void a_group_cut_short_by_a_barrier_is_read_ahead_for_again() throws Exception {
    NetworkInput input = new NetworkInput(channels, new int[] {0, 0}, head, new RecordTimestamp(), new Aligned());
    send(0, "r0", new CheckpointBarrier(1, 0), "r1", "r2");
    input.process(100, task);
    // channel 0 is blocked after its barrier; r1 and r2 were read ahead for but not handed over
    assertThat(head.seen).containsExactly("ahead r0@0", "ahead r1@1", "ahead r2@2", "r0");

    head.seen.clear();
    send(1, new CheckpointBarrier(1, 0));
    input.process(100, task); // aligned: channel 0 is read again
    input.process(100, task);
    assertThat(head.seen).containsExactly("ahead r1@0", "ahead r2@1", "r1", "r2");
  }
}
