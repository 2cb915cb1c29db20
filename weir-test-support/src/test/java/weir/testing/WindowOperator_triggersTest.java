package weir.testing;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static weir.testing.WindowTests.CONTENTS;
import static weir.testing.WindowTests.MERGING_WINDOWS;
import static weir.testing.WindowTests.describe;
import static weir.testing.WindowTests.feed;
import static weir.testing.WindowTests.keyed;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.GlobalWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.triggers.ContinuousEventTimeTrigger;
import weir.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import weir.api.windowing.triggers.CountTrigger;
import weir.api.windowing.triggers.PurgingTrigger;
import weir.api.windowing.triggers.Trigger;
import weir.api.windowing.triggers.TriggerResult;
import weir.api.windowing.windows.TimeWindow;
import weir.api.windowing.windows.Window;
import weir.testing.WindowTests.Describe;

/** The built-in triggers and a custom one on the window operator: firing, purging, timers, trigger state. */
class WindowOperator_triggersTest {
  /**
   * Counts the records of each window in trigger state and writes down every call. A record
   * answers with the result it asks for ({@code "!fire"}, {@code "!purge"}, {@code "!both"}, else
   * CONTINUE) and sets an event-time timer 5 ms after it, which fires the window; a record marked
   * {@code "!p"} also sets a processing-time timer 10 ms ahead, which fires and purges it. Merging
   * merges the counts; clearing deletes them but leaves the timers, which the operator must then
   * ignore.
   */
  static final class Recording<W extends Window> extends Trigger<String, W> {
    final List<String> calls = new ArrayList<>();
    private final ReducingStateDescriptor<Long> count = new ReducingStateDescriptor<>("records", Long::sum, Long.class);

    @Override
    public TriggerResult onElement(String element, long timestamp, W window, TriggerContext ctx) {
      calls.add(element + " in " + describe(window));
      ctx.getReducingState(count).add(1L);
      ctx.registerEventTimeTimer(timestamp + 5);
      if (element.endsWith("!p")) {
        ctx.registerProcessingTimeTimer(ctx.getCurrentProcessingTime() + 10);
      }
      if (element.endsWith("!fire")) {
        return TriggerResult.FIRE;
      } else if (element.endsWith("!purge")) {
        return TriggerResult.PURGE;
      }
      return element.endsWith("!both") ? TriggerResult.FIRE_AND_PURGE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
      calls.add("event time " + time + " of " + describe(window) + " after " + ctx.getReducingState(count).get());
      return TriggerResult.FIRE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
      calls.add("processing time " + time + " of " + describe(window) + " after " + ctx.getReducingState(count).get());
      return TriggerResult.FIRE_AND_PURGE;
    }

    @Override
    public boolean canMerge() {
      return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) {
      ctx.mergePartitionedState(count);
      calls.add("merged into " + describe(window) + " with " + ctx.getReducingState(count).get());
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
      ReducingState<Long> state = ctx.getReducingState(count);
      calls.add("clear " + describe(window) + " with " + state.get());
      state.clear();
    }
  }

  @Test
  void when_a_count_trigger_replaces_the_event_time_trigger_then_windows_fire_by_count_and_end_silently()
      throws Exception {
    try (var harness = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(10))).trigger(CountTrigger.of(2))
        .process(new Describe<>()))) {
      feed(harness, "a@1", "a@2", "a@3", "a@4", "a@5");
      assertThat(harness.outputWithTimestamps()).containsExactly(
          TimestampedRecord.of("a[0,10)=a@1,a@2", 9), TimestampedRecord.of("a[0,10)=a@1,a@2,a@3,a@4", 9));
      assertThat(harness.keyCount("count")).isEqualTo(1);
      harness.processWatermark(9);
      assertThat(harness.output()).hasSize(2);
      assertThat(harness.keyCount(CONTENTS)).isZero();
      assertThat(harness.keyCount("count")).isZero();
    }
  }

  @Test
  void when_a_purging_trigger_fires_then_the_next_firing_starts_from_an_empty_window() throws Exception {
    try (var harness = keyed(s -> s.window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(2)))
        .process(new Describe<>()))) {
      feed(harness, "a@1", "a@2", "a@3", "a@4");
      assertThat(harness.output()).containsExactly("a[global]=a@1,a@2", "a[global]=a@3,a@4");
      assertThat(harness.keyCount(CONTENTS)).isZero();
      feed(harness, "a@5");
      assertThat(harness.keyCount(CONTENTS)).isEqualTo(1);
    }
  }

  @Test
  void when_the_trigger_answers_fire_purge_or_both_then_the_operator_does_what_it_says() throws Exception {
    try (var harness = keyed(s -> s.window(GlobalWindows.create()).trigger(new Recording<>()).process(new Describe<>()))) {
      feed(harness, "a@1", "a@2!fire");
      assertThat(harness.takeOutput()).containsExactly("a[global]=a@1,a@2!fire");
      feed(harness, "a@3!purge");
      assertThat(harness.output()).isEmpty();
      assertThat(harness.keyCount(CONTENTS)).isZero();
      feed(harness, "a@4", "a@5!both");
      assertThat(harness.takeOutput()).containsExactly("a[global]=a@4,a@5!both");
      assertThat(harness.keyCount(CONTENTS)).isZero();
      feed(harness, "a@6!fire");
      assertThat(harness.takeOutput()).containsExactly("a[global]=a@6!fire");
    }
  }

  @Test
  void when_a_continuous_event_time_trigger_runs_then_the_window_fires_every_interval_and_at_its_end()
      throws Exception {
    try (var harness = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(20)))
        .trigger(ContinuousEventTimeTrigger.of(ofMillis(5))).process(new Describe<>()))) {
      feed(harness, "a@1", "a@3");
      harness.processWatermark(4);
      assertThat(harness.output()).isEmpty();
      harness.processWatermark(5);
      assertThat(harness.takeOutput()).containsExactly("a[0,20)=a@1,a@3");
      feed(harness, "a@7");
      harness.processWatermark(10);
      assertThat(harness.takeOutput()).containsExactly("a[0,20)=a@1,a@3,a@7");
      harness.processWatermark(19); // the interval at 15, then the end at 19
      assertThat(harness.outputWithTimestamps()).containsExactly(
          TimestampedRecord.of("a[0,20)=a@1,a@3,a@7", 19), TimestampedRecord.of("a[0,20)=a@1,a@3,a@7", 19));
      assertThat(harness.keyCount(CONTENTS)).isZero();
      assertThat(harness.keyCount("fire-time")).isZero();
    }
  }

  @Test
  void when_a_continuous_processing_time_trigger_runs_then_the_window_fires_every_interval_of_the_clock()
      throws Exception {
    try (var harness = keyed(s -> s.window(GlobalWindows.create())
        .trigger(ContinuousProcessingTimeTrigger.of(ofMillis(10))).process(new Describe<>()))) {
      harness.setProcessingTime(3);
      harness.processElement("a@3");
      harness.setProcessingTime(5);
      harness.processElement("a@5");
      harness.setProcessingTime(9);
      assertThat(harness.output()).isEmpty();
      harness.setProcessingTime(10);
      assertThat(harness.takeOutput()).containsExactly("a[global]=a@3,a@5");
      harness.setProcessingTime(12);
      harness.processElement("a@12");
      harness.setProcessingTime(20);
      assertThat(harness.takeOutput()).containsExactly("a[global]=a@3,a@5,a@12");
    }
  }

  @Test
  void when_a_custom_trigger_merges_fires_and_clears_then_each_call_sees_its_window_and_state() throws Exception {
    Recording<TimeWindow> trigger = new Recording<>();
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10))).trigger(trigger)
        .process(new Describe<>()))) {
      feed(harness, "a@0", "a@4");
      assertThat(harness.keyCount("records")).isEqualTo(1);
      harness.processWatermark(5); // the timer at 5 belongs to [0,10), merged away: nothing happens
      harness.processWatermark(9);
      assertThat(harness.takeOutput()).containsExactly("a[0,14)=a@0,a@4");
      feed(harness, "a@20!p");
      harness.setProcessingTime(10);
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a[20,30)=a@20!p", 29));
      harness.takeOutput();
      harness.processWatermark(13); // the cleanup time of [0,14): fires once more, then clears
      assertThat(harness.takeOutput()).containsExactly("a[0,14)=a@0,a@4");
      harness.processWatermark(Long.MAX_VALUE); // [20,30) was purged: firing finds nothing to emit
      assertThat(harness.output()).isEmpty();
      assertThat(trigger.calls).containsExactly(
          "a@0 in [0,10)",
          "merged into [0,14) with 1",
          "clear [0,10) with null",
          "a@4 in [0,14)",
          "event time 9 of [0,14) after 2",
          "a@20!p in [20,30)",
          "processing time 10 of [20,30) after 1",
          "event time 13 of [0,14) after 2",
          "clear [0,14) with 2",
          "event time 25 of [20,30) after 1",
          "event time 29 of [20,30) after 1",
          "clear [20,30) with 1");
      assertThat(harness.keyCount("records")).isZero();
      assertThat(harness.keyCount(CONTENTS)).isZero();
      assertThat(harness.keyCount(MERGING_WINDOWS)).isZero();
    }
  }
}
