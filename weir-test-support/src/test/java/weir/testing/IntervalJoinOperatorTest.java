package weir.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weir.api.datastream.OutputTag;
import weir.api.functions.Collector;
import weir.api.functions.KeySelector;
import weir.api.functions.ProcessJoinFunction;
import weir.runtime.operators.IntervalJoinOperator;

class IntervalJoinOperatorTest {
  /** A left record: key and name. */
  record Order(String customer, String id) {}

  /** A right record: key and name. */
  record Click(String customer, String id) {}

  static final OutputTag<Order> LATE_ORDERS = OutputTag.of("late-orders", Order.class);
  static final OutputTag<Click> LATE_CLICKS = OutputTag.of("late-clicks", Click.class);
  static final OutputTag<String> PAIR_TIMES = OutputTag.of("pair-times", String.class);

  private static final KeySelector<Order, String> ORDER_KEY = Order::customer;
  private static final KeySelector<Click, String> CLICK_KEY = Click::customer;

  /** Emits "order+click" and, to a side output, the pair's three timestamps. */
  static final class PairUp extends ProcessJoinFunction<Order, Click, String> {
    @Override
    public void processElement(Order left, Click right, Context ctx, Collector<String> out) {
      out.collect(left.id() + "+" + right.id());
      ctx.output(PAIR_TIMES, ctx.getLeftTimestamp() + "/" + ctx.getRightTimestamp() + "/" + ctx.getTimestamp());
    }
  }

  private static FunctionTestHarness.IntervalJoinBuilder<String, Order, Click> between(long lower, long upper) {
    return FunctionTestHarness.forIntervalJoin(ORDER_KEY, CLICK_KEY, Duration.ofMillis(lower),
        Duration.ofMillis(upper));
  }

  private static Order order(String id) {
    return new Order(id.substring(0, 1), id);
  }

  private static Click click(String id) {
    return new Click(id.substring(0, 1), id);
  }

  @Test
  void when_records_arrive_in_timestamp_order_then_pairs_within_the_interval_join_with_the_later_timestamp()
      throws Exception {
    try (var harness = between(-2, 3).process(new PairUp())) {
      harness.processElement1(order("a-o10"), 10);
      harness.processElement2(click("a-c7"), 7);   // 10 - 3: too early
      harness.processElement2(click("a-c8"), 8);   // 10 - 2: the lower bound, inclusive
      harness.processElement2(click("a-c11"), 11);
      harness.processElement2(click("a-c13"), 13); // 10 + 3: the upper bound, inclusive
      harness.processElement2(click("a-c14"), 14); // too late for o10
      harness.processElement2(click("b-c10"), 10); // another key

      assertThat(harness.outputWithTimestamps()).containsExactly(
          TimestampedRecord.of("a-o10+a-c8", 10),
          TimestampedRecord.of("a-o10+a-c11", 11),
          TimestampedRecord.of("a-o10+a-c13", 13));
      assertThat(harness.sideOutput(PAIR_TIMES)).containsExactly("10/8/10", "10/11/11", "10/13/13");
    }
  }

  @Test
  void when_right_records_arrive_before_the_left_one_then_each_pair_joins_once() throws Exception {
    try (var harness = between(-2, 3).process(new PairUp())) {
      harness.processElement2(click("a-c13"), 13);
      harness.processElement2(click("a-c8"), 8);
      harness.processElement2(click("a-c7"), 7);
      harness.processElement2(click("a-c9"), 9);
      harness.processElement2(click("a-c9b"), 9); // two records at one timestamp
      assertThat(harness.output()).isEmpty();

      harness.processElement1(order("a-o10"), 10);
      assertThat(harness.takeOutput()).containsExactlyInAnyOrder("a-o10+a-c13", "a-o10+a-c8", "a-o10+a-c9",
          "a-o10+a-c9b");

      harness.processElement1(order("a-o6"), 6); // joins clicks in [4, 9]
      harness.processElement2(click("a-c12"), 12); // joins orders in [9, 14]: o10 only
      assertThat(harness.outputWithTimestamps()).containsExactlyInAnyOrder(
          TimestampedRecord.of("a-o6+a-c7", 7),
          TimestampedRecord.of("a-o6+a-c8", 8),
          TimestampedRecord.of("a-o6+a-c9", 9),
          TimestampedRecord.of("a-o6+a-c9b", 9),
          TimestampedRecord.of("a-o10+a-c12", 12));
    }
  }

  /** The timestamps of the clicks that join an order at 10, fed clicks at 5 to 15 after it. */
  private static List<Long> clicksJoiningAnOrderAt10(FunctionTestHarness.IntervalJoinBuilder<String, Order, Click> join)
      throws Exception {
    try (var harness = join.process(new PairUp())) {
      harness.processElement1(order("a-o10"), 10);
      for (long ts = 5; ts <= 15; ts++) {
        harness.processElement2(click("a-c" + ts), ts);
      }
      return harness.output().stream().map(pair -> Long.parseLong(pair.substring("a-o10+a-c".length()))).toList();
    }
  }

  @Test
  void when_both_bounds_are_inclusive_then_right_records_exactly_at_them_join() throws Exception {
    assertThat(clicksJoiningAnOrderAt10(between(-2, 3))).containsExactly(8L, 9L, 10L, 11L, 12L, 13L);
  }

  @Test
  void when_the_lower_bound_is_exclusive_then_right_records_exactly_at_it_do_not_join() throws Exception {
    assertThat(clicksJoiningAnOrderAt10(between(-2, 3).lowerBoundExclusive()))
        .containsExactly(9L, 10L, 11L, 12L, 13L);
  }

  @Test
  void when_the_upper_bound_is_exclusive_then_right_records_exactly_at_it_do_not_join() throws Exception {
    assertThat(clicksJoiningAnOrderAt10(between(-2, 3).upperBoundExclusive()))
        .containsExactly(8L, 9L, 10L, 11L, 12L);
  }

  @Test
  void when_both_bounds_are_exclusive_then_only_the_inside_of_the_interval_joins() throws Exception {
    assertThat(clicksJoiningAnOrderAt10(between(-2, 3).lowerBoundExclusive().upperBoundExclusive()))
        .containsExactly(9L, 10L, 11L, 12L);
  }

  @Test
  void when_the_bounds_are_equal_then_only_right_records_at_that_offset_join() throws Exception {
    assertThat(clicksJoiningAnOrderAt10(between(2, 2))).containsExactly(12L);
  }

  @Test
  void when_both_bounds_are_negative_then_only_right_records_before_the_left_one_join() throws Exception {
    try (var harness = between(-5, -2).process(new PairUp())) {
      harness.processElement2(click("a-c4"), 4);
      harness.processElement2(click("a-c5"), 5);
      harness.processElement2(click("a-c8"), 8);
      harness.processElement2(click("a-c9"), 9);
      harness.processElement1(order("a-o10"), 10); // [5, 8]
      harness.processElement2(click("a-c10"), 10);
      harness.processElement2(click("a-c7"), 7);

      assertThat(harness.outputWithTimestamps()).containsExactly(
          TimestampedRecord.of("a-o10+a-c5", 10),
          TimestampedRecord.of("a-o10+a-c8", 10),
          TimestampedRecord.of("a-o10+a-c7", 10));
    }
  }

  @Test
  void when_both_bounds_are_positive_then_only_right_records_after_the_left_one_join() throws Exception {
    try (var harness = between(1, 4).process(new PairUp())) {
      harness.processElement1(order("a-o10"), 10); // [11, 14]
      for (long ts = 8; ts <= 16; ts++) {
        harness.processElement2(click("a-c" + ts), ts);
      }

      assertThat(harness.outputWithTimestamps()).extracting(TimestampedRecord::timestamp)
          .containsExactly(11L, 12L, 13L, 14L);
    }
  }

  @Test
  void when_records_are_behind_the_watermark_then_they_are_dropped_without_joining() throws Exception {
    try (var harness = between(-10, 10).process(new PairUp())) {
      harness.processElement1(order("a-o20"), 20);
      harness.processWatermark(15);
      harness.processElement2(click("a-c14"), 14); // late: would have joined o20
      harness.processElement1(order("a-o12"), 12); // late
      harness.processElement2(click("a-c15"), 15); // at the watermark: on time

      assertThat(harness.output()).containsExactly("a-o20+a-c15");
      assertThat(harness.<Map<Long, List<Order>>>keyedState(IntervalJoinOperator.LEFT_BUFFER, "a"))
          .containsOnlyKeys(20L);
      assertThat(harness.watermarks()).containsExactly(15L);
    }
  }

  @Test
  void when_late_data_side_outputs_are_set_then_late_records_go_there_with_their_timestamps() throws Exception {
    try (var harness = between(-10, 10)
        .sideOutputLeftLateData(LATE_ORDERS)
        .sideOutputRightLateData(LATE_CLICKS)
        .process(new PairUp())) {
      harness.processWatermark(100);
      harness.processElement1(order("a-o99"), 99);
      harness.processElement2(click("b-c50"), 50);
      harness.processElement1(order("a-o100"), 100);

      assertThat(harness.output()).isEmpty();
      assertThat(harness.sideOutput(LATE_ORDERS)).containsExactly(order("a-o99"));
      assertThat(harness.sideOutput(LATE_CLICKS)).containsExactly(click("b-c50"));
      assertThat(harness.<Map<Long, List<Order>>>keyedState(IntervalJoinOperator.LEFT_BUFFER, "a"))
          .containsOnlyKeys(100L);
    }
  }

  @Test
  void when_the_watermark_passes_the_last_joinable_time_then_buffered_records_are_removed() throws Exception {
    try (var harness = between(-2, 3).process(new PairUp())) {
      harness.processElement1(order("a-o10"), 10); // joins clicks up to 13
      harness.processElement2(click("a-c10"), 10); // joins orders from 10 - (-2) = 12 down: up to 12
      harness.processElement1(order("b-o10"), 10);
      assertThat(harness.keyCount(IntervalJoinOperator.LEFT_BUFFER)).isEqualTo(2);
      assertThat(harness.keyCount(IntervalJoinOperator.RIGHT_BUFFER)).isEqualTo(1);

      harness.processWatermark(12);
      harness.processElement1(order("a-o12"), 12); // the last order c10 can join
      assertThat(harness.keyCount(IntervalJoinOperator.RIGHT_BUFFER)).isEqualTo(1);
      harness.processWatermark(13);
      assertThat(harness.keyCount(IntervalJoinOperator.RIGHT_BUFFER)).isZero();
      assertThat(harness.<Map<Long, List<Order>>>keyedState(IntervalJoinOperator.LEFT_BUFFER, "a"))
          .containsOnlyKeys(10L, 12L);

      harness.processElement2(click("a-c13"), 13); // the last click o10 can join
      harness.processWatermark(14);
      assertThat(harness.<Map<Long, List<Order>>>keyedState(IntervalJoinOperator.LEFT_BUFFER, "a"))
          .containsOnlyKeys(12L);
      assertThat(harness.keyCount(IntervalJoinOperator.LEFT_BUFFER)).isEqualTo(1); // b's is gone too
      harness.processWatermark(16);
      assertThat(harness.keyCount(IntervalJoinOperator.LEFT_BUFFER)).isZero();
      assertThat(harness.keyCount(IntervalJoinOperator.RIGHT_BUFFER)).isZero();

      assertThat(harness.output()).containsExactly("a-o10+a-c10", "a-o12+a-c10", "a-o10+a-c13", "a-o12+a-c13");
    }
  }

  @Test
  void when_bounds_are_exclusive_then_buffered_records_are_removed_a_millisecond_earlier() throws Exception {
    try (var harness = between(-2, 3).lowerBoundExclusive().upperBoundExclusive().process(new PairUp())) {
      harness.processElement1(order("a-o10"), 10); // joins clicks in (8, 13): up to 12
      harness.processElement2(click("a-c10"), 10); // joins orders in (7, 12): up to 11
      harness.processWatermark(12);
      assertThat(harness.keyCount(IntervalJoinOperator.RIGHT_BUFFER)).isZero();
      assertThat(harness.keyCount(IntervalJoinOperator.LEFT_BUFFER)).isEqualTo(1);
      harness.processWatermark(13);
      assertThat(harness.keyCount(IntervalJoinOperator.LEFT_BUFFER)).isZero();
    }
  }

  @Test
  void when_no_future_record_can_join_a_record_then_it_is_joined_but_not_buffered() throws Exception {
    try (var harness = between(-5, -2).process(new PairUp())) {
      harness.processElement2(click("a-c16"), 16);
      harness.processWatermark(20);
      harness.processElement1(order("a-o20"), 20); // joins clicks in [15, 18], all before the watermark
      assertThat(harness.output()).containsExactly("a-o20+a-c16");
      assertThat(harness.keyCount(IntervalJoinOperator.LEFT_BUFFER)).isZero();
    }
  }

  @Test
  void when_the_input_ends_then_the_final_watermark_clears_all_buffers() throws Exception {
    try (var harness = between(-2, 3).process(new PairUp())) {
      harness.processElement1(order("a-o10"), 10);
      harness.processElement2(click("b-c20"), 20);
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.keyCount(IntervalJoinOperator.LEFT_BUFFER)).isZero();
      assertThat(harness.keyCount(IntervalJoinOperator.RIGHT_BUFFER)).isZero();
    }
  }

  @Test
  void when_a_record_has_no_timestamp_then_the_error_names_the_operator_and_the_fix() throws Exception {
    try (var harness = between(-2, 3).process(new PairUp())) {
      assertThatThrownBy(() -> harness.processElement2(click("a-c1")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'IntervalJoin'")
          .hasMessageContaining("right record without a timestamp")
          .hasMessageContaining("WatermarkStrategy");
    }
  }

  @Test
  void when_the_harness_plays_one_of_several_subtasks_then_it_joins_the_keys_it_owns() throws Exception {
    var settings = SubtaskSettings.of(1, 2);
    try (var harness = between(0, 0).settings(settings).process(new PairUp())) {
      String key = ownedKey(settings);
      harness.processElement1(order(key + "-o5"), 5);
      harness.processElement2(click(key + "-c5"), 5);
      assertThat(harness.output()).containsExactly(key + "-o5+" + key + "-c5");
    }
  }

  /** A one-letter key in a key group the subtask owns. */
  private static String ownedKey(SubtaskSettings settings) {
    var range = weir.runtime.state.KeyGroups.rangeOf(settings.subtaskIndex(), settings.maxParallelism(),
        settings.parallelism());
    for (char c = 'a'; c <= 'z'; c++) {
      if (range.contains(weir.runtime.state.KeyGroups.keyGroupOf(String.valueOf(c), settings.maxParallelism()))) {
        return String.valueOf(c);
      }
    }
    throw new IllegalStateException("no one-letter key for " + settings);
  }

  @Test
  void when_the_lower_bound_exceeds_the_upper_bound_then_the_harness_refuses_it() {
    assertThatThrownBy(() -> between(3, 2).process(new PairUp()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 ms")
        .hasMessageContaining("2 ms");
  }
}
