package weir.api.windowing.assigners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.windowing.assigners.WindowAssigner.WindowAssignerContext;
import weir.api.windowing.triggers.EventTimeTrigger;
import weir.api.windowing.triggers.NeverTrigger;
import weir.api.windowing.triggers.ProcessingTimeTrigger;
import weir.api.windowing.windows.GlobalWindow;
import weir.api.windowing.windows.GlobalWindowSerializer;
import weir.api.windowing.windows.TimeWindow;
import weir.api.windowing.windows.TimeWindowSerializer;

class WindowAssignersTest {

  private static final WindowAssignerContext NO_CLOCK = () -> {
    throw new AssertionError("an event-time assigner must not read the processing time");
  };

  private static WindowAssignerContext clockAt(long time) {
    return () -> time;
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private static TimeWindow w(long start, long end) {
    return new TimeWindow(start, end);
  }

  // ---- tumbling ----

  @Test
  void when_tumblingEventTime_then_eachTimestampGetsTheWindowContainingIt() {
    TumblingEventTimeWindows assigner = TumblingEventTimeWindows.of(Duration.ofSeconds(5));
    assertThat(assigner.assignWindows("x", 0, NO_CLOCK)).containsExactly(w(0, 5000));
    assertThat(assigner.assignWindows("x", 4999, NO_CLOCK)).containsExactly(w(0, 5000));
    assertThat(assigner.assignWindows("x", 5000, NO_CLOCK)).containsExactly(w(5000, 10000));
  }

  @Test
  void when_tumblingWithNegativeTimestamps_then_windowsAlignToTheEpoch() {
    TumblingEventTimeWindows assigner = TumblingEventTimeWindows.of(ms(5000));
    assertThat(assigner.assignWindows("x", -1, NO_CLOCK)).containsExactly(w(-5000, 0));
    assertThat(assigner.assignWindows("x", -5000, NO_CLOCK)).containsExactly(w(-5000, 0));
    assertThat(assigner.assignWindows("x", -5001, NO_CLOCK)).containsExactly(w(-10000, -5000));
  }

  @Test
  void when_tumblingWithOffset_then_windowsStartAtTheOffset() {
    TumblingEventTimeWindows plus = TumblingEventTimeWindows.of(ms(5000), ms(1000));
    assertThat(plus.assignWindows("x", 0, NO_CLOCK)).containsExactly(w(-4000, 1000));
    assertThat(plus.assignWindows("x", 1000, NO_CLOCK)).containsExactly(w(1000, 6000));
    assertThat(plus.assignWindows("x", -4001, NO_CLOCK)).containsExactly(w(-9000, -4000));

    TumblingEventTimeWindows minus = TumblingEventTimeWindows.of(ms(5000), ms(-1000));
    assertThat(minus.assignWindows("x", 0, NO_CLOCK)).containsExactly(w(-1000, 4000));
    assertThat(minus.assignWindows("x", 4000, NO_CLOCK)).containsExactly(w(4000, 9000));
  }

  @Test
  void when_tumblingProcessingTime_then_theClockDecidesTheWindow() {
    TumblingProcessingTimeWindows assigner = TumblingProcessingTimeWindows.of(ms(1000), ms(100));
    assertThat(assigner.assignWindows("x", Long.MIN_VALUE, clockAt(2050))).containsExactly(w(1100, 2100));
    assertThat(assigner.assignWindows("x", 0, clockAt(2100))).containsExactly(w(2100, 3100));
    assertThat(assigner.isEventTime()).isFalse();
    assertThat(assigner.getDefaultTrigger()).isInstanceOf(ProcessingTimeTrigger.class);
  }

  @Test
  void when_tumblingArgumentsAreInvalid_then_buildingFails() {
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size");
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(ms(1000), ms(1000)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
    assertThatThrownBy(() -> TumblingProcessingTimeWindows.of(ms(1000), ms(-1000)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
  }

  @Test
  void when_eventTimeRecordHasNoTimestamp_then_assigningFailsWithAHint() {
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(ms(10)).assignWindows("x", Long.MIN_VALUE, NO_CLOCK))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TumblingEventTimeWindows")
        .hasMessageContaining("WatermarkStrategy");
    assertThatThrownBy(() -> EventTimeSessionWindows.withGap(ms(10)).assignWindows("x", Long.MIN_VALUE, NO_CLOCK))
        .isInstanceOf(IllegalStateException.class);
  }

  // ---- sliding ----

  @Test
  void when_sliding_then_eachTimestampIsInSizeOverSlideWindows() {
    SlidingEventTimeWindows assigner = SlidingEventTimeWindows.of(ms(10000), ms(5000));
    assertThat(assigner.assignWindows("x", 7000, NO_CLOCK)).containsExactly(w(5000, 15000), w(0, 10000));
    assertThat(assigner.assignWindows("x", 5000, NO_CLOCK)).containsExactly(w(5000, 15000), w(0, 10000));
    assertThat(assigner.assignWindows("x", 4999, NO_CLOCK)).containsExactly(w(0, 10000), w(-5000, 5000));
  }

  @Test
  void when_slidingWithNegativeTimestamps_then_windowsAlignToTheEpoch() {
    SlidingEventTimeWindows assigner = SlidingEventTimeWindows.of(ms(10000), ms(5000));
    assertThat(assigner.assignWindows("x", -1, NO_CLOCK)).containsExactly(w(-5000, 5000), w(-10000, 0));
  }

  @Test
  void when_sizeIsNoMultipleOfSlide_then_allWindowsContainingTheTimestampAreAssigned() {
    SlidingEventTimeWindows assigner = SlidingEventTimeWindows.of(ms(10), ms(3));
    assertThat(assigner.assignWindows("x", 0, NO_CLOCK)).containsExactly(w(0, 10), w(-3, 7), w(-6, 4), w(-9, 1));
    assertThat(assigner.assignWindows("x", 5, NO_CLOCK)).containsExactly(w(3, 13), w(0, 10), w(-3, 7));
  }

  @Test
  void when_slidingWithOffset_then_windowsStartAtOffsetPlusMultiplesOfSlide() {
    SlidingEventTimeWindows plus = SlidingEventTimeWindows.of(ms(10000), ms(5000), ms(1000));
    assertThat(plus.assignWindows("x", 7000, NO_CLOCK)).containsExactly(w(6000, 16000), w(1000, 11000));
    SlidingEventTimeWindows minus = SlidingEventTimeWindows.of(ms(10000), ms(5000), ms(-1000));
    assertThat(minus.assignWindows("x", 0, NO_CLOCK)).containsExactly(w(-1000, 9000), w(-6000, 4000));
  }

  @Test
  void when_slidingProcessingTime_then_theClockDecidesTheWindows() {
    SlidingProcessingTimeWindows assigner = SlidingProcessingTimeWindows.of(ms(10), ms(5));
    assertThat(assigner.assignWindows("x", Long.MIN_VALUE, clockAt(12))).containsExactly(w(10, 20), w(5, 15));
    assertThat(assigner.isEventTime()).isFalse();
  }

  @Test
  void when_slidingArgumentsAreInvalid_then_buildingFails() {
    assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(10), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slide");
    assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(0), ms(5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size");
    assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(10), ms(5), ms(5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
  }

  // ---- sessions ----

  @Test
  void when_sessionEventTime_then_eachRecordOpensAWindowOfTheGap() {
    EventTimeSessionWindows assigner = EventTimeSessionWindows.withGap(ms(5000));
    assertThat(assigner.assignWindows("x", 10, NO_CLOCK)).containsExactly(w(10, 5010));
    assertThat(assigner.assignWindows("x", -10, NO_CLOCK)).containsExactly(w(-10, 4990));
    assertThat(assigner.isEventTime()).isTrue();
    assertThat(assigner.getDefaultTrigger()).isInstanceOf(EventTimeTrigger.class);
    assertThat(assigner.getDefaultTrigger().canMerge()).isTrue();
  }

  @Test
  void when_sessionWindowsOverlap_then_assignerMergesThemIntoOneSession() {
    EventTimeSessionWindows assigner = EventTimeSessionWindows.withGap(ms(10));
    List<TimeWindow> windows = new ArrayList<>();
    for (long t : new long[] {0, 5, 14, 40, 100, 109}) {
      windows.addAll(assigner.assignWindows("x", t, NO_CLOCK));
    }
    List<TimeWindow> sessions = new ArrayList<>();
    assigner.mergeWindows(windows, (toBeMerged, result) -> sessions.add(result));
    // 0, 5 and 14 form one session (14 < 5 + 10); 40 stays alone; 100 and 109 form another
    assertThat(sessions).containsExactly(w(0, 24), w(100, 119));
  }

  @Test
  void when_sessionProcessingTime_then_theClockOpensTheWindow() {
    ProcessingTimeSessionWindows assigner = ProcessingTimeSessionWindows.withGap(ms(100));
    assertThat(assigner.assignWindows("x", Long.MIN_VALUE, clockAt(1000))).containsExactly(w(1000, 1100));
    assertThat(assigner.isEventTime()).isFalse();
    assertThat(assigner.getDefaultTrigger()).isInstanceOf(ProcessingTimeTrigger.class);
  }

  @Test
  void when_sessionGapIsNotPositive_then_buildingFails() {
    assertThatThrownBy(() -> EventTimeSessionWindows.withGap(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gap");
    assertThatThrownBy(() -> ProcessingTimeSessionWindows.withGap(ms(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gap");
  }

  @Test
  void when_dynamicGaps_then_eachRecordDecidesItsWindowLength() {
    DynamicEventTimeSessionWindows<Long> assigner = EventTimeSessionWindows.withDynamicGap((Long gap) -> gap);
    assertThat(assigner.assignWindows(50L, 100, NO_CLOCK)).containsExactly(w(100, 150));
    assertThat(assigner.assignWindows(5L, 100, NO_CLOCK)).containsExactly(w(100, 105));
    assertThat(assigner.isEventTime()).isTrue();

    List<TimeWindow> windows = new ArrayList<>();
    windows.addAll(assigner.assignWindows(50L, 0, NO_CLOCK));
    windows.addAll(assigner.assignWindows(10L, 45, NO_CLOCK));
    windows.addAll(assigner.assignWindows(10L, 55, NO_CLOCK));
    windows.addAll(assigner.assignWindows(10L, 66, NO_CLOCK));
    List<TimeWindow> sessions = new ArrayList<>();
    assigner.mergeWindows(windows, (toBeMerged, result) -> sessions.add(result));
    // [0, 50) and [45, 55) overlap, [55, 65) touches them; [66, 76) starts after the session ended
    assertThat(sessions).containsExactly(w(0, 65));
  }

  @Test
  void when_dynamicProcessingTimeGaps_then_theClockAndTheRecordDecide() {
    DynamicProcessingTimeSessionWindows<String> assigner =
        ProcessingTimeSessionWindows.withDynamicGap((String s) -> s.length() * 10L);
    assertThat(assigner.assignWindows("abc", Long.MIN_VALUE, clockAt(500))).containsExactly(w(500, 530));
    assertThat(assigner.isEventTime()).isFalse();
  }

  @Test
  void when_dynamicGapIsNotPositive_then_assigningFailsNamingTheRecord() {
    DynamicEventTimeSessionWindows<Long> assigner = DynamicEventTimeSessionWindows.withDynamicGap((Long gap) -> gap);
    assertThatThrownBy(() -> assigner.assignWindows(0L, 100, NO_CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive session gap")
        .hasMessageContaining("0 ms for 0");
  }

  // ---- global ----

  @Test
  void when_global_then_everyRecordIsInTheOneGlobalWindowThatNeverFires() {
    GlobalWindows assigner = GlobalWindows.create();
    assertThat(assigner.assignWindows("x", 0, NO_CLOCK)).containsExactly(GlobalWindow.get());
    assertThat(assigner.assignWindows("y", Long.MIN_VALUE, NO_CLOCK)).containsExactly(GlobalWindow.get());
    assertThat(assigner.getDefaultTrigger()).isInstanceOf(NeverTrigger.class);
    assertThat(assigner.getWindowSerializer()).isSameAs(GlobalWindowSerializer.INSTANCE);
    assertThat(assigner.isEventTime()).isFalse();
  }

  @Test
  void when_askingTimeAssigners_then_theyReportEventTimeAndTheTimeWindowSerializer() {
    List<WindowAssigner<?, TimeWindow>> eventTime = List.of(
        TumblingEventTimeWindows.of(ms(1)), SlidingEventTimeWindows.of(ms(2), ms(1)),
        EventTimeSessionWindows.withGap(ms(1)), EventTimeSessionWindows.withDynamicGap(x -> 1));
    List<WindowAssigner<?, TimeWindow>> processingTime = List.of(
        TumblingProcessingTimeWindows.of(ms(1)), SlidingProcessingTimeWindows.of(ms(2), ms(1)),
        ProcessingTimeSessionWindows.withGap(ms(1)), ProcessingTimeSessionWindows.withDynamicGap(x -> 1));
    for (WindowAssigner<?, TimeWindow> a : eventTime) {
      assertThat(a.isEventTime()).as(a.toString()).isTrue();
      assertThat(a.getDefaultTrigger()).as(a.toString()).isInstanceOf(EventTimeTrigger.class);
      assertThat(a.getWindowSerializer()).isSameAs(TimeWindowSerializer.INSTANCE);
    }
    for (WindowAssigner<?, TimeWindow> a : processingTime) {
      assertThat(a.isEventTime()).as(a.toString()).isFalse();
      assertThat(a.getDefaultTrigger()).as(a.toString()).isInstanceOf(ProcessingTimeTrigger.class);
      assertThat(a.getWindowSerializer()).isSameAs(TimeWindowSerializer.INSTANCE);
    }
  }
}
