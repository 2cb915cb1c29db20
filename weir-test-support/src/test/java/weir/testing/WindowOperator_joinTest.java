package weir.testing;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.functions.CoGroupFunction;
import weir.api.functions.Collector;
import weir.api.functions.JoinFunction;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.SlidingEventTimeWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * Window joins and coGroups in the harness, and their state through snapshots (see {@link
 * SnapshotRoundTrip}): the elements of both sides, tagged, under every window in flight.
 */
class WindowOperator_joinTest {
  /** Emits "left+right". */
  static final class Pair implements JoinFunction<String, String, String> {
    @Override
    public String join(String left, String right) {
      return left + "+" + right;
    }
  }

  /** Emits "left elements|right elements", each side in time order. */
  static final class Sides implements CoGroupFunction<String, String, String> {
    @Override
    public void coGroup(Iterable<String> left, Iterable<String> right, Collector<String> out) {
      out.collect(WindowTests.describe(left) + "|" + WindowTests.describe(right));
    }
  }

  private static final List<String> BEFORE = List.of("L a@1", "R a@3", "L b@4", "R c@6", "L c@8", "R d@9", "L e@11",
      "R b@7", "L f@12", "R g@13", "L h@14", "wm 9", "R e@15", "L d@16", "R h@17");
  private static final List<String> AFTER = List.of("R f@18", "L a@19", "R a@19", "wm 15", "L g@21", "R b@22",
      "L c@24", "R c@26", "wm 20", "L e@27", "R d@29", "R h@31");

  @Test
  void when_both_sides_have_a_key_in_a_window_then_the_join_pairs_them_when_it_fires() throws Exception {
    try (var harness = FunctionTestHarness.forWindowJoin(String.class, String.class, (left, right) -> left
        .join(right).where(WindowTests::key).equalTo(WindowTests::key)
        .window(TumblingEventTimeWindows.of(ofMillis(10)))
        .apply(new Pair()))) {
      harness.processElement1("a@1", 1);
      harness.processElement2("a@3", 3);
      harness.processElement2("a@4", 4);
      harness.processElement2("b@5", 5);
      harness.processElement1("a@12", 12);
      harness.processWatermark(9);
      assertThat(harness.outputWithTimestamps()).containsExactlyInAnyOrder(
          TimestampedRecord.of("a@1+a@3", 9), TimestampedRecord.of("a@1+a@4", 9));
    }
  }

  @Test
  void when_the_function_does_not_join_the_two_streams_it_is_given_then_the_harness_refuses_it() {
    assertThatThrownBy(() -> FunctionTestHarness.forWindowJoin(String.class, String.class, (left, right) -> left
        .map(String::trim)
        .join(right).where(WindowTests::key).equalTo(WindowTests::key)
        .window(TumblingEventTimeWindows.of(ofMillis(10)))
        .apply(new Pair())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("forWindowJoin feeds the records of each stream straight into the join");
  }

  @Test
  void when_a_tumbling_join_is_restored_then_buffered_elements_of_both_sides_still_pair() throws Exception {
    SnapshotRoundTrip.twoInput(() -> FunctionTestHarness.forWindowJoin(String.class, String.class, (left, right) -> left
            .join(right).where(WindowTests::key).equalTo(WindowTests::key)
            .window(TumblingEventTimeWindows.of(ofMillis(10)))
            .apply(new Pair())))
        .verify(BEFORE, AFTER);
  }

  @Test
  void when_a_sliding_join_is_restored_then_every_window_in_flight_keeps_its_elements() throws Exception {
    SnapshotRoundTrip.twoInput(() -> FunctionTestHarness.forWindowJoin(String.class, String.class, (left, right) -> left
            .join(right).where(WindowTests::key).equalTo(WindowTests::key)
            .window(SlidingEventTimeWindows.of(ofMillis(20), ofMillis(10)))
            .apply(new Pair())))
        .verify(BEFORE, AFTER);
  }

  @Test
  void when_a_session_coGroup_is_restored_then_its_sessions_merge_further() throws Exception {
    SnapshotRoundTrip.twoInput(() -> FunctionTestHarness.forWindowJoin(String.class, String.class, (left, right) -> left
            .coGroup(right).where(WindowTests::key).equalTo(WindowTests::key)
            .window(EventTimeSessionWindows.withGap(ofMillis(5)))
            .apply(new Sides())))
        .verify(BEFORE, AFTER);
  }
}
