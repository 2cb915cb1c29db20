package weir.testing;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static weir.testing.WindowTests.CONTENTS;
import static weir.testing.WindowTests.describe;
import static weir.testing.WindowTests.feed;
import static weir.testing.WindowTests.keyed;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.datastream.OutputTag;
import weir.api.functions.Collector;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.ProcessingTimeSessionWindows;
import weir.api.windowing.evictors.CountEvictor;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.triggers.ContinuousEventTimeTrigger;
import weir.api.windowing.windows.TimeWindow;
import weir.runtime.window.SessionWindowOperator;
import weir.runtime.window.WindowOperator;
import weir.testing.WindowTests.Concat;
import weir.testing.WindowTests.Count;
import weir.testing.WindowTests.CountOfWindow;
import weir.testing.WindowTests.Describe;

/**
 * Session windows with a reduce or aggregate and the default trigger, which run on the session
 * operator: merging, firing, the key's one timer, allowed lateness and late records, processing
 * time, and which specs fall back to the general operator.
 */
class SessionWindowOperatorTest {
  private static final String SESSIONS = SessionWindowOperator.SESSIONS_STATE;
  private static final OutputTag<String> LATE = OutputTag.of("late", String.class);

  /** A process function after an aggregate that keeps per-key state and counts the windows it clears. */
  static final class KeyState extends ProcessWindowFunction<Long, String, String, TimeWindow> {
    static final ValueStateDescriptor<Integer> FIRES = new ValueStateDescriptor<>("fires-of-key", Integer.class);
    final List<String> cleared = new ArrayList<>();

    @Override
    public void process(String key, Context context, Iterable<Long> counts, Collector<String> out) throws Exception {
      ValueState<Integer> fires = context.globalState().getState(FIRES);
      int n = fires.value() == null ? 1 : fires.value() + 1;
      fires.update(n);
      out.collect(key + describe(context.window()) + "=" + counts.iterator().next() + " #" + n);
    }

    @Override
    public void clear(Context context) {
      cleared.add(describe(context.window()));
    }
  }

  /** A process function after an aggregate that asks for per-window state, which merging windows refuse. */
  static final class WindowState extends ProcessWindowFunction<Long, String, String, TimeWindow> {
    @Override
    public void process(String key, Context context, Iterable<Long> counts, Collector<String> out) {
      context.windowState().getState(new ValueStateDescriptor<>("in-window", Integer.class));
    }
  }

  @Test
  void when_sessions_grow_together_then_their_accumulators_merge_and_the_session_fires_once_at_its_end()
      throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10)))
        .aggregate(new Count(), new CountOfWindow<>()))) {
      feed(harness, "a@0", "a@20", "b@3");
      assertThat(harness.keyCount(SESSIONS)).isEqualTo(2); // one entry per key, whatever its sessions
      feed(harness, "a@10"); // bridges [0,10) and [20,30)
      harness.processWatermark(12);
      assertThat(harness.takeOutput()).containsExactly("b[3,13)=1");
      harness.processWatermark(28);
      assertThat(harness.output()).isEmpty();
      harness.processWatermark(29);
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a[0,30)=3", 29));
      assertThat(harness.keyCount(SESSIONS)).isZero();
    }
  }

  @Test
  void when_a_session_grows_record_by_record_then_it_fires_only_at_its_last_end() throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10)))
        .aggregate(new Count(), new CountOfWindow<>()))) {
      feed(harness, "a@0", "a@5", "a@9", "a@15");
      harness.processWatermark(9); // the end of the first record's window: the key's timer fires there
      harness.processWatermark(14);
      harness.processWatermark(23);
      assertThat(harness.output()).isEmpty();
      harness.processWatermark(24);
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a[0,25)=4", 24));
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.output()).hasSize(1);
    }
  }

  @Test
  void when_a_key_opens_a_session_before_its_open_one_then_each_fires_at_its_own_end() throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10)))
        .aggregate(new Count(), new CountOfWindow<>()))) {
      feed(harness, "a@50", "a@52", "a@10");
      harness.processWatermark(19);
      assertThat(harness.takeOutput()).containsExactly("a[10,20)=1");
      harness.processWatermark(61);
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a[50,62)=2", 61));
    }
  }

  @Test
  void when_sessions_of_a_reduce_merge_then_they_combine_in_the_order_of_the_sessions() throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10))).reduce(new Concat()))) {
      feed(harness, "a@20", "a@0", "a@10");
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a@0,a@20,a@10", 29));
    }
  }

  @Test
  void when_sessions_have_a_gap_per_record_then_each_record_extends_its_session_by_its_own_gap() throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withDynamicGap(SessionWindowOperatorTest::gapOf))
        .aggregate(new Count(), new CountOfWindow<>()))) {
      feed(harness, "a@0~5", "b@1~3", "a@4~20", "a@30~5");
      harness.processWatermark(23);
      assertThat(harness.outputWithTimestamps()).containsExactly(
          TimestampedRecord.of("b[1,4)=1", 3), TimestampedRecord.of("a[0,24)=2", 23));
      harness.takeOutput();
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.takeOutput()).containsExactly("a[30,35)=1");
    }
  }

  private static long gapOf(String record) {
    return Long.parseLong(record.substring(record.indexOf('~') + 1));
  }

  @Test
  void when_a_late_record_joins_a_fired_session_then_it_fires_again_at_once_or_at_its_new_end() throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10))).allowedLateness(ofMillis(5))
        .sideOutputLateData(LATE).aggregate(new Count(), new CountOfWindow<>()))) {
      feed(harness, "a@0");
      harness.processWatermark(9);
      assertThat(harness.takeOutput()).containsExactly("a[0,10)=1");
      feed(harness, "a@8"); // extends the session to [0,18), past the watermark: it fires at its new end
      assertThat(harness.output()).isEmpty();
      harness.processWatermark(17);
      assertThat(harness.takeOutput()).containsExactly("a[0,18)=2");
      feed(harness, "a@5"); // inside the fired session: it fires again at once, with the session's end as timestamp
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a[0,18)=3", 17));
      harness.takeOutput();
      harness.processWatermark(21);
      assertThat(harness.keyCount(SESSIONS)).isEqualTo(1);
      harness.processWatermark(22); // the cleanup time: no firing, the session is discarded
      assertThat(harness.output()).isEmpty();
      assertThat(harness.keyCount(SESSIONS)).isZero();
      feed(harness, "a@3");
      assertThat(harness.output()).isEmpty();
      assertThat(harness.sideOutput(LATE)).containsExactly("a@3");
      feed(harness, "a@13"); // a new session behind the watermark but within the lateness fires at once
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a[13,23)=1", 22));
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.output()).hasSize(1);
      assertThat(harness.counter(WindowOperator.LATE_RECORDS_DROPPED)).isZero();
    }
  }

  @Test
  void when_a_late_record_bridges_two_fired_sessions_then_the_merged_session_fires_at_once() throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10)))
        .allowedLateness(ofMillis(100)).aggregate(new Count(), new CountOfWindow<>()))) {
      feed(harness, "a@0", "a@12");
      harness.processWatermark(30);
      assertThat(harness.takeOutput()).containsExactly("a[0,10)=1", "a[12,22)=1");
      feed(harness, "a@9");
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a[0,22)=3", 21));
      harness.takeOutput();
      harness.processWatermark(120);
      assertThat(harness.keyCount(SESSIONS)).isEqualTo(1);
      harness.processWatermark(121);
      assertThat(harness.keyCount(SESSIONS)).isZero();
      assertThat(harness.output()).isEmpty();
    }
  }

  @Test
  void when_late_records_have_no_side_output_then_they_are_dropped_and_counted() throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10)))
        .aggregate(new Count(), new CountOfWindow<>()))) {
      feed(harness, "a@1");
      harness.processWatermark(20);
      feed(harness, "a@3", "a@12", "b@12");
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.output()).containsExactly("a[1,11)=1", "a[12,22)=1", "b[12,22)=1");
      assertThat(harness.counter(WindowOperator.LATE_RECORDS_DROPPED)).isEqualTo(1);
    }
  }

  @Test
  void when_the_lateness_reaches_past_the_end_of_time_then_the_session_is_never_discarded() throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10)))
        .allowedLateness(ofMillis(Long.MAX_VALUE)).aggregate(new Count(), new CountOfWindow<>()))) {
      feed(harness, "a@1");
      harness.processWatermark(Long.MAX_VALUE - 1);
      feed(harness, "a@2");
      assertThat(harness.output()).containsExactly("a[1,11)=1", "a[1,12)=2");
      assertThat(harness.keyCount(SESSIONS)).isEqualTo(1);
    }
  }

  @Test
  void when_a_process_function_follows_the_aggregate_then_it_has_key_state_and_sees_each_session_cleared()
      throws Exception {
    KeyState function = new KeyState();
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10))).allowedLateness(ofMillis(5))
        .aggregate(new Count(), function))) {
      feed(harness, "a@0", "a@30");
      harness.processWatermark(12);
      feed(harness, "a@1");
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.output()).containsExactly("a[0,10)=1 #1", "a[0,11)=2 #2", "a[30,40)=1 #3");
      assertThat(function.cleared).containsExactly("[0,11)", "[30,40)");
    }
  }

  @Test
  void when_a_process_function_asks_for_per_window_state_then_it_is_refused() throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10)))
        .aggregate(new Count(), new WindowState()))) {
      feed(harness, "a@1");
      assertThatThrownBy(() -> harness.processWatermark(Long.MAX_VALUE))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("Per-window state is not allowed with merging windows");
    }
  }

  @Test
  void when_processing_time_sessions_grow_together_then_they_fire_once_the_clock_passes_the_merged_end()
      throws Exception {
    try (var harness = keyed(s -> s.window(ProcessingTimeSessionWindows.withGap(ofMillis(10)))
        .aggregate(new Count(), new CountOfWindow<>()))) {
      harness.processElement("a@0");
      harness.setProcessingTime(5);
      harness.processElement("a@5");
      harness.processElement("b@5");
      harness.setProcessingTime(13);
      assertThat(harness.output()).isEmpty();
      harness.setProcessingTime(14);
      assertThat(harness.outputWithTimestamps()).containsExactlyInAnyOrder(
          TimestampedRecord.of("a[0,15)=2", 14), TimestampedRecord.of("b[5,15)=1", 14));
      harness.takeOutput();
      harness.setProcessingTime(30);
      harness.processElement("a@30");
      harness.processWatermark(1_000); // no record is late in processing time
      harness.processElement("a@31");
      harness.setProcessingTime(40);
      assertThat(harness.takeOutput()).containsExactly("a[30,40)=2");
      assertThat(harness.keyCount(SESSIONS)).isZero();
    }
  }

  @Test
  void when_the_spec_needs_more_than_a_session_and_an_incremental_function_then_the_general_operator_runs_it()
      throws Exception {
    try (var trigger = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10)))
        .trigger(ContinuousEventTimeTrigger.of(ofMillis(5))).aggregate(new Count(), new CountOfWindow<>()));
        var evictor = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10))).evictor(CountEvictor.of(1))
            .reduce(new Concat()));
        var process = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10))).process(new Describe<>()));
        var sessions = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10))).reduce(new Concat()))) {
      for (var general : List.of(trigger, evictor, process)) {
        feed(general, "a@1");
        assertThat(general.keyCount(CONTENTS)).isEqualTo(1);
        assertThatThrownBy(() -> general.keyCount(SESSIONS)).isInstanceOf(IllegalStateException.class);
      }
      feed(sessions, "a@1");
      assertThat(sessions.keyCount(SESSIONS)).isEqualTo(1);
      assertThatThrownBy(() -> sessions.keyCount(CONTENTS)).isInstanceOf(IllegalStateException.class);
    }
  }
}
