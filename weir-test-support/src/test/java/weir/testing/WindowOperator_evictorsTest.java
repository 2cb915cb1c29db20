package weir.testing;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static weir.testing.WindowTests.feed;
import static weir.testing.WindowTests.keyed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.GlobalWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import weir.api.windowing.evictors.CountEvictor;
import weir.api.windowing.evictors.Evictor;
import weir.api.windowing.evictors.TimeEvictor;
import weir.api.windowing.evictors.TimestampedValue;
import weir.api.windowing.triggers.CountTrigger;
import weir.api.windowing.windows.GlobalWindow;
import weir.testing.WindowTests.Concat;
import weir.testing.WindowTests.Count;
import weir.testing.WindowTests.CountOfWindow;
import weir.testing.WindowTests.Describe;

/** Evictors on the window operator: before and after the window function, and what they leave behind. */
class WindowOperator_evictorsTest {
  /**
   * Before the function, removes the records marked {@code "x"}; after it, removes the oldest
   * record. Writes down what it saw, with the clocks.
   */
  static final class DropMarkedThenOldest implements Evictor<String, GlobalWindow> {
    final List<String> calls = new ArrayList<>();

    @Override
    public void evictBefore(Iterable<TimestampedValue<String>> elements, int size, GlobalWindow window,
        EvictorContext context) {
      calls.add("before " + size + " " + elements + " at " + context.getCurrentWatermark() + "/"
          + context.getCurrentProcessingTime());
      for (Iterator<TimestampedValue<String>> it = elements.iterator(); it.hasNext(); ) {
        if (it.next().getValue().endsWith("x")) {
          it.remove();
        }
      }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<String>> elements, int size, GlobalWindow window,
        EvictorContext context) {
      calls.add("after " + size);
      Iterator<TimestampedValue<String>> it = elements.iterator();
      it.next();
      it.remove();
    }
  }

  @Test
  void when_a_count_evictor_evicts_before_the_function_then_it_sees_the_last_n_records() throws Exception {
    try (var harness = keyed(s -> s.window(GlobalWindows.create()).trigger(CountTrigger.of(1))
        .evictor(CountEvictor.of(2)).process(new Describe<>()))) {
      feed(harness, "a@1", "a@2", "a@3");
      assertThat(harness.outputWithTimestamps()).containsExactly(
          TimestampedRecord.of("a[global]=a@1", Long.MAX_VALUE),
          TimestampedRecord.of("a[global]=a@1,a@2", Long.MAX_VALUE),
          TimestampedRecord.of("a[global]=a@2,a@3", Long.MAX_VALUE));
    }
  }

  @Test
  void when_a_count_evictor_evicts_after_the_function_then_it_sees_one_more_and_the_window_keeps_n()
      throws Exception {
    try (var harness = keyed(s -> s.window(GlobalWindows.create()).trigger(CountTrigger.of(1))
        .evictor(CountEvictor.of(2, true)).process(new Describe<>()))) {
      feed(harness, "a@1", "a@2", "a@3", "a@4");
      assertThat(harness.output()).containsExactly(
          "a[global]=a@1", "a[global]=a@1,a@2", "a[global]=a@1,a@2,a@3", "a[global]=a@2,a@3,a@4");
    }
  }

  @Test
  void when_a_time_evictor_evicts_before_the_function_then_it_sees_the_records_near_the_latest() throws Exception {
    try (var harness = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(100)))
        .evictor(TimeEvictor.of(ofMillis(10))).process(new Describe<>()))) {
      feed(harness, "a@1", "a@5", "a@20", "a@25");
      harness.processWatermark(99);
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a[0,100)=a@20,a@25", 99));
    }
  }

  @Test
  void when_a_time_evictor_evicts_after_the_function_then_the_next_firing_sees_what_it_kept() throws Exception {
    try (var harness = keyed(s -> s.window(GlobalWindows.create()).trigger(CountTrigger.of(2))
        .evictor(TimeEvictor.of(ofMillis(10), true)).process(new Describe<>()))) {
      feed(harness, "a@1", "a@5", "a@20", "a@25", "a@30", "a@31");
      assertThat(harness.output()).containsExactly(
          "a[global]=a@1,a@5", "a[global]=a@1,a@5,a@20,a@25", "a[global]=a@20,a@25,a@30,a@31");
    }
  }

  @Test
  void when_records_have_no_timestamps_then_a_time_evictor_keeps_them_all() throws Exception {
    try (var harness = keyed(s -> s.window(TumblingProcessingTimeWindows.of(ofMillis(10)))
        .evictor(TimeEvictor.of(ofMillis(1))).process(new Describe<>()))) {
      harness.setProcessingTime(1);
      harness.processElement("a@1");
      harness.setProcessingTime(5);
      harness.processElement("a@5");
      harness.setProcessingTime(9);
      assertThat(harness.output()).containsExactly("a[0,10)=a@1,a@5");
    }
  }

  @Test
  void when_a_custom_evictor_removes_before_and_after_then_the_function_and_the_next_firing_see_the_rest()
      throws Exception {
    DropMarkedThenOldest evictor = new DropMarkedThenOldest();
    try (var harness = keyed(s -> s.window(GlobalWindows.create()).trigger(CountTrigger.of(2)).evictor(evictor)
        .process(new Describe<>()))) {
      harness.processWatermark(7);
      harness.setProcessingTime(70);
      feed(harness, "a@1", "a@2x", "a@3", "a@4", "a@5x", "a@6");
      assertThat(harness.output()).containsExactly("a[global]=a@1", "a[global]=a@3,a@4", "a[global]=a@4,a@6");
      assertThat(evictor.calls).containsExactly(
          "before 2 [TimestampedValue{a@1 @ 1}, TimestampedValue{a@2x @ 2}] at 7/70",
          "after 1",
          "before 2 [TimestampedValue{a@3 @ 3}, TimestampedValue{a@4 @ 4}] at 7/70",
          "after 2",
          "before 3 [TimestampedValue{a@4 @ 4}, TimestampedValue{a@5x @ 5}, TimestampedValue{a@6 @ 6}] at 7/70",
          "after 2");
    }
  }

  @Test
  void when_an_evicting_window_reduces_then_the_reduction_covers_what_the_evictor_left() throws Exception {
    try (var harness = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(100)))
        .evictor(CountEvictor.of(2)).reduce(new Concat()))) {
      feed(harness, "a@1", "a@5", "a@20", "a@25");
      harness.processWatermark(99);
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a@20,a@25", 99));
    }
  }

  @Test
  void when_an_evicting_window_aggregates_then_the_window_function_gets_the_aggregate_of_what_is_left()
      throws Exception {
    try (var harness = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(100)))
        .evictor(CountEvictor.of(3)).aggregate(new Count(), new CountOfWindow()))) {
      feed(harness, "a@1", "a@2", "a@3", "a@4", "a@5", "b@6");
      harness.processWatermark(99);
      assertThat(harness.output()).containsExactly("a[0,100)=3", "b[0,100)=1");
    }
  }

  @Test
  void when_evicting_windows_merge_then_the_evictor_sees_the_records_of_the_whole_session() throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10)))
        .evictor(CountEvictor.of(2)).process(new Describe<>()))) {
      feed(harness, "a@0", "a@5", "a@8");
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a[0,18)=a@5,a@8", 17));
      assertThat(harness.keyCount(WindowTests.CONTENTS)).isZero();
    }
  }
}
