package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weir.api.connector.sink.lib.DiscardingSink;
import weir.api.connector.source.lib.DataGeneratorSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.IntervalJoined;
import weir.api.datastream.InvalidProgramException;
import weir.api.datastream.KeyedStream;
import weir.api.datastream.OutputTag;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobExecutionException;
import weir.api.eventtime.SerializableTimestampAssigner;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.Collector;
import weir.api.functions.ProcessFunction;
import weir.api.functions.ProcessJoinFunction;
import weir.tests.support.CollectingSink;

/**
 * Interval joins in real jobs, compared with a nested-loop join computed here.
 *
 * <p>Design of this test: both sources generate records whose timestamps are shuffled within
 * blocks of {@link #BLOCK} consecutive records, so within any split a record is at most one block
 * behind the highest timestamp before it. A bounded-out-of-orderness strategy of one block
 * therefore never makes a record late, whatever the parallelism and however the splits are
 * spread over readers: the expected result is exactly the nested-loop join, and the late data
 * side outputs stay empty. Rate-limited sources and a short watermark interval make the
 * watermark advance while the job runs, so buffered records are cleaned up mid-job and a
 * premature clean-up would show as missing pairs.
 */
class IntervalJoinIT {
  public record Order(int customer, long id, long time) implements Serializable {}

  public record Click(int customer, long id, long time) implements Serializable {}

  static final int BLOCK = 16;
  static final int CUSTOMERS = 17;
  static final long ORDERS = 3_000;
  static final long CLICKS = 5_000;
  static final long ORDER_SPACING = 4;
  static final long CLICK_SPACING = 2;
  static final Duration OUT_OF_ORDERNESS = Duration.ofMillis(BLOCK * ORDER_SPACING);
  static final OutputTag<Order> LATE_ORDERS = OutputTag.of("late-orders", Order.class);
  static final OutputTag<Click> LATE_CLICKS = OutputTag.of("late-clicks", Click.class);
  static final OutputTag<Long> WATERMARK_SEEN = OutputTag.of("watermark-seen", Long.class);

  /** Position {@code i} of a sequence shuffled within blocks: a permutation of each block. */
  static long shuffled(long i) {
    return i - i % BLOCK + (i % BLOCK) * 7 % BLOCK;
  }

  static Order order(long i) {
    return new Order((int) (i * 31 % CUSTOMERS), i, shuffled(i) * ORDER_SPACING);
  }

  static Click click(long i) {
    return new Click((int) (i * 13 % CUSTOMERS), i, shuffled(i) * CLICK_SPACING);
  }

  /** Describes each pair with the timestamps its context reports. */
  static final class DescribePair extends ProcessJoinFunction<Order, Click, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Order left, Click right, Context ctx, Collector<String> out) {
      out.collect("o" + left.id() + "+c" + right.id() + "@" + ctx.getLeftTimestamp() + "/"
          + ctx.getRightTimestamp() + "/" + ctx.getTimestamp());
    }
  }

  /** Appends the timestamp each record carries downstream, and reports the watermark it saw. */
  static final class AppendTimestamp extends ProcessFunction<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(String value, Context ctx, Collector<String> out) {
      out.collect(value + " ts=" + ctx.timestamp());
      ctx.output(WATERMARK_SEEN, ctx.timerService().currentWatermark());
    }
  }

  /** What the job must produce: every pair of equal keys within the interval, by nested loops. */
  static List<String> nestedLoopJoin(long lower, long upper, boolean lowerExclusive, boolean upperExclusive) {
    List<Click> clicks = LongStream.range(0, CLICKS).mapToObj(IntervalJoinIT::click).toList();
    List<String> expected = new ArrayList<>();
    for (long i = 0; i < ORDERS; i++) {
      Order o = order(i);
      for (Click c : clicks) {
        long offset = c.time() - o.time();
        boolean aboveLower = lowerExclusive ? offset > lower : offset >= lower;
        boolean belowUpper = upperExclusive ? offset < upper : offset <= upper;
        if (o.customer() == c.customer() && aboveLower && belowUpper) {
          long ts = Math.max(o.time(), c.time());
          expected.add("o" + o.id() + "+c" + c.id() + "@" + o.time() + "/" + c.time() + "/" + ts + " ts=" + ts);
        }
      }
    }
    return expected;
  }

  static StreamExecutionEnvironment environment(int parallelism) {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.getConfig().setAutoWatermarkInterval(Duration.ofMillis(5));
    return env;
  }

  static KeyedStream<Order, Integer> orders(StreamExecutionEnvironment env) {
    return timed(env, new DataGeneratorSource<>(IntervalJoinIT::order, ORDERS, 6_000), (o, ts) -> o.time(), "orders")
        .keyBy(Order::customer);
  }

  static KeyedStream<Click, Integer> clicks(StreamExecutionEnvironment env) {
    return timed(env, new DataGeneratorSource<>(IntervalJoinIT::click, CLICKS, 10_000), (c, ts) -> c.time(), "clicks")
        .keyBy(Click::customer);
  }

  /** A rate-limited source whose records are at most one block out of order. */
  static <T> DataStream<T> timed(StreamExecutionEnvironment env, DataGeneratorSource<T> source,
      SerializableTimestampAssigner<T> timestamp, String name) {
    return env.fromSource(source,
        WatermarkStrategy.<T>forBoundedOutOfOrderness(OUT_OF_ORDERNESS).withTimestampAssigner(timestamp), name);
  }

  @ParameterizedTest(name = "parallelism {0}, between({1} ms, {2} ms), exclusive lower {3}, upper {4}")
  @CsvSource({
      "1, -20, 16, false, false",
      "1, 4, 30, true, true",
      "2, -20, 16, true, false",
      "2, -30, -6, false, false",
      "4, -20, 16, false, true",
      "4, 0, 0, false, false",
  })
  void when_two_shuffled_streams_are_interval_joined_then_the_result_equals_a_nested_loop_join(
      int parallelism, long lower, long upper, boolean lowerExclusive, boolean upperExclusive) throws Exception {
    var env = environment(parallelism);
    try (var joined = new CollectingSink<String>();
        var lateOrders = new CollectingSink<Order>();
        var lateClicks = new CollectingSink<Click>();
        var watermarksSeen = new CollectingSink<Long>()) {
      IntervalJoined<Order, Click, Integer> join = orders(env).intervalJoin(clicks(env))
          .between(Duration.ofMillis(lower), Duration.ofMillis(upper))
          .sideOutputLeftLateData(LATE_ORDERS)
          .sideOutputRightLateData(LATE_CLICKS);
      if (lowerExclusive) {
        join.lowerBoundExclusive();
      }
      if (upperExclusive) {
        join.upperBoundExclusive();
      }
      DataStream<String> pairs = join.process(new DescribePair());
      DataStream<String> stamped = pairs.process(new AppendTimestamp());
      stamped.sinkTo(joined);
      stamped.getSideOutput(WATERMARK_SEEN).sinkTo(watermarksSeen);
      pairs.getSideOutput(LATE_ORDERS).sinkTo(lateOrders);
      pairs.getSideOutput(LATE_CLICKS).sinkTo(lateClicks);
      env.execute("interval-join");

      List<String> expected = nestedLoopJoin(lower, upper, lowerExclusive, upperExclusive);
      assertThat(expected).as("pairs the data set yields").hasSizeGreaterThan(100);
      assertThat(joined.values()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(lateOrders.values()).isEmpty();
      assertThat(lateClicks.values()).isEmpty();
      // how far the watermark got while pairs were joined depends on the machine's speed, so it is
      // not asserted; the final watermark alone would still have to produce the same pairs
      assertThat(watermarksSeen.values()).isNotEmpty();
    }
  }

  @Test
  void when_the_shuffle_is_checked_then_it_permutes_each_block_and_stays_within_one_block() {
    assertThat(LongStream.range(0, 4L * BLOCK).map(IntervalJoinIT::shuffled).sorted().toArray())
        .containsExactly(LongStream.range(0, 4L * BLOCK).toArray());
    for (long i = 1; i < 4L * BLOCK; i++) {
      long highestBefore = LongStream.range(0, i).map(IntervalJoinIT::shuffled).max().orElseThrow();
      assertThat(shuffled(i)).isGreaterThan(highestBefore - BLOCK);
    }
  }

  @Test
  void when_the_lower_bound_exceeds_the_upper_bound_then_building_fails_naming_both() {
    var env = environment(1);
    var join = orders(env).intervalJoin(clicks(env));

    assertThatThrownBy(() -> join.between(Duration.ofMillis(10), Duration.ofMillis(-5)))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'orders' and 'clicks'")
        .hasMessageContaining("lower bound of 10 ms")
        .hasMessageContaining("upper bound of -5 ms");
  }

  @Test
  void when_exclusive_bounds_leave_no_time_then_building_fails() {
    var env = environment(1);
    var join = orders(env).intervalJoin(clicks(env)).between(Duration.ofMillis(3), Duration.ofMillis(4))
        .lowerBoundExclusive().upperBoundExclusive();

    assertThatThrownBy(() -> join.process(new DescribePair()))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("(3 ms, 4 ms)")
        .hasMessageContaining("can join nothing");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void when_the_key_types_differ_then_building_fails_naming_both() {
    var env = environment(1);
    KeyedStream clicksByName = env.fromElements(new Click(1, 1, 1)).keyBy(Click::toString);

    assertThatThrownBy(() -> orders(env).intervalJoin(clicksByName))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("'orders' is keyed by java.lang.Integer")
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void when_the_output_type_is_derived_then_it_is_the_functions_output() {
    var env = environment(1);
    DataStream<String> pairs = orders(env).intervalJoin(clicks(env))
        .between(Duration.ZERO, Duration.ofMillis(1))
        .process(new DescribePair());

    assertThat(pairs.getType().typeClass()).isEqualTo(String.class);
  }

  @Test
  void when_the_inputs_have_no_timestamps_then_the_job_fails_telling_to_assign_them() {
    var env = environment(2);
    var orders = env.fromSource(new DataGeneratorSource<>(IntervalJoinIT::order, 100), "orders")
        .keyBy(Order::customer);
    var clicks = env.fromSource(new DataGeneratorSource<>(IntervalJoinIT::click, 100), "clicks")
        .keyBy(Click::customer);
    orders.intervalJoin(clicks).between(Duration.ZERO, Duration.ZERO).process(new DescribePair())
        .name("JoinWithoutTime")
        .sinkTo(new DiscardingSink<>());

    assertThatThrownBy(() -> env.execute("join-without-time"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("'JoinWithoutTime'")
        .hasMessageContaining("without a timestamp")
        .hasMessageContaining("WatermarkStrategy");
  }
}
