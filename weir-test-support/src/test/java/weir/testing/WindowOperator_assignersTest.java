package weir.testing;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static weir.testing.WindowTests.CONTENTS;
import static weir.testing.WindowTests.MERGING_WINDOWS;
import static weir.testing.WindowTests.feed;
import static weir.testing.WindowTests.keyed;

import org.junit.jupiter.api.Test;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.GlobalWindows;
import weir.api.windowing.assigners.ProcessingTimeSessionWindows;
import weir.api.windowing.assigners.SlidingEventTimeWindows;
import weir.api.windowing.assigners.SlidingProcessingTimeWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import weir.api.windowing.triggers.CountTrigger;
import weir.testing.WindowTests.Describe;
import weir.testing.WindowTests.DescribeAll;

/** Every window assigner on the window operator, in event time and in processing time. */
class WindowOperator_assignersTest {
  private static long gapOf(String record) {
    return Long.parseLong(record.substring(record.indexOf('~') + 1));
  }

  @Test
  void when_tumbling_event_time_windows_have_an_offset_then_they_start_there_and_fire_at_their_last_millisecond()
      throws Exception {
    try (var harness = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(10), ofMillis(3)))
        .process(new Describe<>()))) {
      feed(harness, "a@1", "a@5", "b@12", "a@12", "a@13");
      harness.processWatermark(2);
      assertThat(harness.takeOutput()).containsExactly("a[-7,3)=a@1");
      harness.processWatermark(12);
      assertThat(harness.outputWithTimestamps()).containsExactly(
          TimestampedRecord.of("a[3,13)=a@5,a@12", 12), TimestampedRecord.of("b[3,13)=b@12", 12));
      harness.takeOutput();
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a[13,23)=a@13", 22));
      assertThat(harness.keyCount(CONTENTS)).isZero();
      assertThat(harness.watermarks()).containsExactly(2L, 12L, Long.MAX_VALUE);
    }
  }

  @Test
  void when_sliding_event_time_windows_overlap_then_each_record_is_in_size_by_slide_windows() throws Exception {
    try (var harness = keyed(s -> s.window(SlidingEventTimeWindows.of(ofMillis(10), ofMillis(5), ofMillis(2)))
        .process(new Describe<>()))) {
      feed(harness, "a@6", "a@9");
      assertThat(harness.keyCount(CONTENTS)).isEqualTo(3);
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.outputWithTimestamps()).containsExactly(
          TimestampedRecord.of("a[-3,7)=a@6", 6),
          TimestampedRecord.of("a[2,12)=a@6,a@9", 11),
          TimestampedRecord.of("a[7,17)=a@9", 16));
      assertThat(harness.keyCount(CONTENTS)).isZero();
    }
  }

  @Test
  void when_tumbling_processing_time_windows_have_an_offset_then_the_clock_fires_them() throws Exception {
    try (var harness = keyed(s -> s.window(TumblingProcessingTimeWindows.of(ofMillis(10), ofMillis(4)))
        .process(new Describe<>()))) {
      harness.setProcessingTime(1);
      harness.processElement("a@1");
      harness.setProcessingTime(2);
      harness.processElement("a@2");
      harness.processWatermark(Long.MAX_VALUE); // event time does not fire processing-time windows
      assertThat(harness.output()).isEmpty();
      harness.setProcessingTime(3);
      assertThat(harness.takeOutput()).containsExactly("a[-6,4)=a@1,a@2");
      harness.setProcessingTime(5);
      harness.processElement("a@5");
      harness.setProcessingTime(12);
      assertThat(harness.output()).isEmpty();
      harness.setProcessingTime(13);
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a[4,14)=a@5", 13));
      assertThat(harness.keyCount(CONTENTS)).isZero();
    }
  }

  @Test
  void when_sliding_processing_time_windows_overlap_then_each_fires_at_its_end() throws Exception {
    try (var harness = keyed(s -> s.window(SlidingProcessingTimeWindows.of(ofMillis(10), ofMillis(5)))
        .process(new Describe<>()))) {
      harness.setProcessingTime(7);
      harness.processElement("a@7");
      harness.setProcessingTime(12);
      harness.processElement("a@12");
      assertThat(harness.takeOutput()).containsExactly("a[0,10)=a@7");
      harness.setProcessingTime(14);
      assertThat(harness.takeOutput()).containsExactly("a[5,15)=a@7,a@12");
      harness.setProcessingTime(100);
      assertThat(harness.takeOutput()).containsExactly("a[10,20)=a@12");
    }
  }

  @Test
  void when_event_time_sessions_grow_together_then_their_contents_merge_into_one_window() throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10))).process(new Describe<>()))) {
      feed(harness, "a@0", "a@20", "b@3");
      assertThat(harness.keyCount(CONTENTS)).isEqualTo(3);
      assertThat(harness.keyCount(MERGING_WINDOWS)).isEqualTo(2);
      feed(harness, "a@10"); // bridges [0,10) and [20,30)
      assertThat(harness.keyCount(CONTENTS)).isEqualTo(2);
      harness.processWatermark(12);
      assertThat(harness.takeOutput()).containsExactly("b[3,13)=b@3");
      harness.processWatermark(28);
      assertThat(harness.output()).isEmpty();
      harness.processWatermark(29);
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a[0,30)=a@0,a@10,a@20", 29));
      assertThat(harness.keyCount(CONTENTS)).isZero();
      assertThat(harness.keyCount(MERGING_WINDOWS)).isZero();
    }
  }

  @Test
  void when_event_time_sessions_have_a_gap_per_record_then_each_record_extends_its_session_by_its_own_gap()
      throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withDynamicGap(WindowOperator_assignersTest::gapOf))
        .process(new Describe<>()))) {
      feed(harness, "a@0~5", "b@1~3", "a@4~20", "a@30~5");
      harness.processWatermark(23);
      assertThat(harness.outputWithTimestamps()).containsExactly(
          TimestampedRecord.of("b[1,4)=b@1~3", 3), TimestampedRecord.of("a[0,24)=a@0~5,a@4~20", 23));
      harness.takeOutput();
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.takeOutput()).containsExactly("a[30,35)=a@30~5");
    }
  }

  @Test
  void when_a_record_gets_exactly_the_window_of_a_merged_session_then_it_joins_the_session_with_its_contents()
      throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withDynamicGap(WindowOperator_assignersTest::gapOf))
        .process(new Describe<>()))) {
      feed(harness, "a@0~5", "a@3~5"); // [0,8), its contents kept under [0,5)
      feed(harness, "a@0~8"); // the window [0,8) itself: no merge, the session keeps its contents
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.output()).containsExactly("a[0,8)=a@0~5,a@0~8,a@3~5");
      assertThat(harness.keyCount(CONTENTS)).isZero();
    }
  }

  @Test
  void when_processing_time_sessions_grow_together_then_they_fire_once_the_clock_passes_the_merged_end()
      throws Exception {
    try (var harness = keyed(s -> s.window(ProcessingTimeSessionWindows.withGap(ofMillis(10)))
        .process(new Describe<>()))) {
      harness.processElement("a@0");
      harness.setProcessingTime(5);
      harness.processElement("a@5");
      harness.setProcessingTime(13);
      assertThat(harness.output()).isEmpty(); // [0,10) was merged into [0,15): its timer is gone
      harness.setProcessingTime(14);
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a[0,15)=a@0,a@5", 14));
      harness.takeOutput();
      harness.setProcessingTime(30);
      harness.processElement("a@30");
      harness.setProcessingTime(39);
      assertThat(harness.takeOutput()).containsExactly("a[30,40)=a@30");
      assertThat(harness.keyCount(MERGING_WINDOWS)).isZero();
    }
  }

  @Test
  void when_processing_time_sessions_have_a_gap_per_record_then_each_record_extends_its_session_by_its_own_gap()
      throws Exception {
    try (var harness = keyed(s -> s.window(ProcessingTimeSessionWindows.withDynamicGap(WindowOperator_assignersTest::gapOf))
        .process(new Describe<>()))) {
      harness.processElement("a@0~5");
      harness.setProcessingTime(3);
      harness.processElement("a@3~10");
      harness.setProcessingTime(12);
      assertThat(harness.takeOutput()).containsExactly("a[0,13)=a@0~5,a@3~10");
    }
  }

  @Test
  void when_global_windows_have_a_count_trigger_then_each_key_fires_every_n_records_with_all_its_records()
      throws Exception {
    try (var harness = keyed(s -> s.window(GlobalWindows.create()).trigger(CountTrigger.of(2))
        .process(new Describe<>()))) {
      feed(harness, "a@1", "a@2", "b@3", "a@4", "a@5");
      assertThat(harness.outputWithTimestamps()).containsExactly(
          TimestampedRecord.of("a[global]=a@1,a@2", Long.MAX_VALUE),
          TimestampedRecord.of("a[global]=a@1,a@2,a@4,a@5", Long.MAX_VALUE));
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.output()).hasSize(2);
      assertThat(harness.keyCount(CONTENTS)).isEqualTo(2); // the global window is never discarded
    }
  }

  @Test
  void when_global_windows_keep_their_default_trigger_then_they_never_fire() throws Exception {
    try (var harness = keyed(s -> s.window(GlobalWindows.create()).process(new Describe<>()))) {
      feed(harness, "a@1", "a@2");
      harness.processWatermark(Long.MAX_VALUE);
      harness.setProcessingTime(Long.MAX_VALUE);
      assertThat(harness.output()).isEmpty();
    }
  }

  @Test
  void when_windowing_all_records_then_one_window_holds_the_records_of_every_key() throws Exception {
    try (var harness = FunctionTestHarness.forWindow(String.class,
        in -> in.windowAll(TumblingEventTimeWindows.of(ofMillis(10))).process(new DescribeAll<>()))) {
      feed(harness, "a@1", "b@2", "c@11");
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.outputWithTimestamps()).containsExactly(
          TimestampedRecord.of("[0,10)=a@1,b@2", 9), TimestampedRecord.of("[10,20)=c@11", 19));
    }
  }
}
