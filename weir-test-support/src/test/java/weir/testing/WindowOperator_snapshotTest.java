package weir.testing;

import static java.time.Duration.ofMillis;

import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.GlobalWindows;
import weir.api.windowing.assigners.SlidingEventTimeWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.evictors.CountEvictor;
import weir.api.windowing.evictors.TimeEvictor;
import weir.api.windowing.triggers.CountTrigger;
import weir.testing.WindowTests.Concat;
import weir.testing.WindowTests.Count;
import weir.testing.WindowTests.CountOfWindow;
import weir.testing.WindowTests.Describe;

/**
 * Every kind of window keeps its state in the snapshot: contents, slices, sessions in flight,
 * evictor elements, trigger state and timers come back in a restored operator, at the same
 * parallelism and spread over two subtasks (see {@link SnapshotRoundTrip}).
 */
class WindowOperator_snapshotTest {
  // keys spread over both halves of the key groups, records in and out of order
  private static final List<String> BEFORE = List.of("a@1", "b@3", "c@4", "d@12", "a@14", "e@15", "b@9", "f@21",
      "c@22", "g@23", "wm 13", "a@25", "h@27", "d@26");
  private static final List<String> AFTER = List.of("b@28", "a@29", "c@31", "e@33", "wm 30", "f@35", "g@36",
      "a@41", "h@44", "wm 40", "d@45", "b@52");

  @Test
  void when_tumbling_windows_reduce_on_slices_then_a_restored_operator_continues_them() throws Exception {
    SnapshotRoundTrip.oneInput(() -> WindowTests.keyed(s -> s
            .window(TumblingEventTimeWindows.of(ofMillis(10)))
            .reduce(new Concat())))
        .verify(BEFORE, AFTER);
  }

  @Test
  void when_sliding_windows_aggregate_on_slices_then_a_restored_operator_continues_them() throws Exception {
    SnapshotRoundTrip.oneInput(() -> WindowTests.keyed(s -> s
            .window(SlidingEventTimeWindows.of(ofMillis(30), ofMillis(10)))
            .aggregate(new Count(), new CountOfWindow<>())))
        .verify(BEFORE, AFTER);
  }

  @Test
  void when_sliding_windows_keep_their_elements_then_a_restored_operator_continues_them() throws Exception {
    SnapshotRoundTrip.oneInput(() -> WindowTests.keyed(s -> s
            .window(SlidingEventTimeWindows.of(ofMillis(20), ofMillis(5)))
            .process(new Describe<>())))
        .verify(BEFORE, AFTER);
  }

  @Test
  void when_sessions_are_in_flight_then_a_restored_operator_merges_them_further() throws Exception {
    SnapshotRoundTrip.oneInput(() -> WindowTests.keyed(s -> s
            .window(EventTimeSessionWindows.withGap(ofMillis(6)))
            .process(new Describe<>())))
        .verify(BEFORE, AFTER);
  }

  @Test
  void when_sessions_aggregate_then_a_restored_operator_merges_their_accumulators() throws Exception {
    SnapshotRoundTrip.oneInput(() -> WindowTests.keyed(s -> s
            .window(EventTimeSessionWindows.withGap(ofMillis(6)))
            .aggregate(new Count(), new CountOfWindow<>())))
        .verify(BEFORE, AFTER);
  }

  @Test
  void when_count_windows_evict_then_a_restored_operator_keeps_the_elements_and_counts() throws Exception {
    SnapshotRoundTrip.oneInput(() -> WindowTests.keyed(s -> s
            .window(GlobalWindows.create())
            .trigger(CountTrigger.of(2))
            .evictor(CountEvictor.of(3))
            .process(new Describe<>())))
        .verify(BEFORE, AFTER);
  }

  @Test
  void when_a_global_window_evicts_by_time_then_a_restored_operator_keeps_the_timestamps() throws Exception {
    SnapshotRoundTrip.oneInput(() -> WindowTests.keyed(s -> s
            .window(GlobalWindows.create())
            .trigger(CountTrigger.of(2))
            .evictor(TimeEvictor.of(ofMillis(10)))
            .process(new Describe<>())))
        .verify(BEFORE, AFTER);
  }
}
