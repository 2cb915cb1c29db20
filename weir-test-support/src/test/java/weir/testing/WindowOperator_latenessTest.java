package weir.testing;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static weir.testing.WindowTests.CONTENTS;
import static weir.testing.WindowTests.MERGING_WINDOWS;
import static weir.testing.WindowTests.feed;
import static weir.testing.WindowTests.keyed;

import org.junit.jupiter.api.Test;
import weir.api.datastream.OutputTag;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.SlidingEventTimeWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import weir.api.windowing.triggers.ContinuousEventTimeTrigger;
import weir.runtime.window.WindowOperator;
import weir.testing.WindowTests.Describe;

/** Allowed lateness, late records, and the cleanup of windows on the window operator. */
class WindowOperator_latenessTest {
  private static final OutputTag<String> LATE = OutputTag.of("late", String.class);

  @Test
  void when_a_record_is_late_within_the_allowed_lateness_then_the_window_fires_again_with_it() throws Exception {
    try (var harness = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(10))).allowedLateness(ofMillis(10))
        .sideOutputLateData(LATE).process(new Describe<>()))) {
      feed(harness, "a@1");
      harness.processWatermark(9);
      feed(harness, "a@3");
      assertThat(harness.outputWithTimestamps()).containsExactly(
          TimestampedRecord.of("a[0,10)=a@1", 9), TimestampedRecord.of("a[0,10)=a@1,a@3", 9));
      harness.processWatermark(18);
      feed(harness, "a@4");
      assertThat(harness.takeOutput()).hasSize(3).last().isEqualTo("a[0,10)=a@1,a@3,a@4");
      assertThat(harness.keyCount(CONTENTS)).isEqualTo(1);
      harness.processWatermark(19); // the cleanup time: no firing, the window is discarded
      assertThat(harness.output()).isEmpty();
      assertThat(harness.keyCount(CONTENTS)).isZero();
      feed(harness, "a@5");
      assertThat(harness.output()).isEmpty();
      assertThat(harness.sideOutput(LATE)).containsExactly("a@5");
      assertThat(harness.counter(WindowOperator.LATE_RECORDS_DROPPED)).isZero();
    }
  }

  @Test
  void when_late_records_have_no_side_output_then_they_are_dropped_and_counted() throws Exception {
    try (var harness = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(10))).process(new Describe<>()))) {
      feed(harness, "a@1");
      harness.processWatermark(9);
      feed(harness, "a@3", "b@9", "a@10");
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.output()).containsExactly("a[0,10)=a@1", "a[10,20)=a@10");
      assertThat(harness.counter(WindowOperator.LATE_RECORDS_DROPPED)).isEqualTo(2);
      assertThat(harness.keyCount(CONTENTS)).isZero();
    }
  }

  @Test
  void when_a_record_is_late_for_some_of_its_windows_only_then_it_joins_the_others_and_is_not_late()
      throws Exception {
    try (var harness = keyed(s -> s.window(SlidingEventTimeWindows.of(ofMillis(10), ofMillis(5)))
        .sideOutputLateData(LATE).process(new Describe<>()))) {
      harness.processWatermark(9);
      feed(harness, "a@7", "a@2");
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.output()).containsExactly("a[5,15)=a@7");
      assertThat(harness.sideOutput(LATE)).containsExactly("a@2");
    }
  }

  @Test
  void when_a_late_record_extends_a_fired_session_then_the_merged_session_fires_at_its_new_end() throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10))).allowedLateness(ofMillis(5))
        .sideOutputLateData(LATE).process(new Describe<>()))) {
      feed(harness, "a@0");
      harness.processWatermark(9);
      assertThat(harness.takeOutput()).containsExactly("a[0,10)=a@0");
      feed(harness, "a@8");
      assertThat(harness.output()).isEmpty();
      harness.processWatermark(17);
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a[0,18)=a@0,a@8", 17));
      harness.processWatermark(22);
      assertThat(harness.keyCount(CONTENTS)).isZero();
      assertThat(harness.keyCount(MERGING_WINDOWS)).isZero();
      feed(harness, "a@3");
      assertThat(harness.sideOutput(LATE)).containsExactly("a@3");
      assertThat(harness.keyCount(MERGING_WINDOWS)).isZero(); // the late window was retired again
    }
  }

  @Test
  void when_the_cleanup_time_passes_then_contents_trigger_state_and_timers_of_the_window_are_gone()
      throws Exception {
    try (var harness = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(10))).allowedLateness(ofMillis(5))
        .trigger(ContinuousEventTimeTrigger.of(ofMillis(3))).process(new Describe<>()))) {
      feed(harness, "a@1", "b@2");
      assertThat(harness.keyCount("fire-time")).isEqualTo(2);
      harness.processWatermark(14);
      assertThat(harness.keyCount(CONTENTS)).isZero();
      assertThat(harness.keyCount("fire-time")).isZero();
      harness.takeOutput();
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.output()).isEmpty();
    }
  }

  @Test
  void when_the_lateness_reaches_past_the_end_of_time_then_the_window_is_never_discarded() throws Exception {
    try (var harness = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(10)))
        .allowedLateness(ofMillis(Long.MAX_VALUE)).process(new Describe<>()))) {
      feed(harness, "a@1");
      harness.processWatermark(Long.MAX_VALUE - 1);
      feed(harness, "a@2");
      assertThat(harness.output()).containsExactly("a[0,10)=a@1", "a[0,10)=a@1,a@2");
      assertThat(harness.keyCount(CONTENTS)).isEqualTo(1);
    }
  }

  @Test
  void when_windows_are_in_processing_time_then_no_record_is_late_whatever_the_watermark() throws Exception {
    try (var harness = keyed(s -> s.window(TumblingProcessingTimeWindows.of(ofMillis(10)))
        .sideOutputLateData(LATE).process(new Describe<>()))) {
      harness.processWatermark(1_000);
      feed(harness, "a@1");
      harness.setProcessingTime(9);
      assertThat(harness.output()).containsExactly("a[0,10)=a@1");
      assertThat(harness.sideOutput(LATE)).isEmpty();
    }
  }
}
