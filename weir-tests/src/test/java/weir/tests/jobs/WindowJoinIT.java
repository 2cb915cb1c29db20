package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static weir.tests.jobs.WindowJoinFixture.clicks;
import static weir.tests.jobs.WindowJoinFixture.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.Collector;
import weir.api.windowing.windows.TimeWindow;
import weir.tests.jobs.IntervalJoinIT.AppendTimestamp;
import weir.tests.jobs.IntervalJoinIT.Click;
import weir.tests.jobs.IntervalJoinIT.Order;
import weir.tests.jobs.WindowJoinFixture.Contents;
import weir.tests.jobs.WindowJoinFixture.KeyWindow;
import weir.tests.jobs.WindowJoinFixture.Windowing;
import weir.tests.support.CollectingSink;

/**
 * Window joins in real jobs, compared with the cross product of every window's orders and clicks
 * computed from all records at once (see {@link WindowJoinFixture} for why no record is late).
 * Each joined pair carries on the timestamp of its window's last millisecond, which tells the
 * window it was joined in.
 */
class WindowJoinIT {
  /** An order that no serializer fits: only a job that keeps objects can window it. */
  static final class Opaque {
    final Order order;

    Opaque(Order order) {
      this.order = order;
    }
  }

  static StreamExecutionEnvironment environment(int parallelism, boolean serializeJobGraph) {
    StreamExecutionEnvironment env = IntervalJoinIT.environment(parallelism);
    env.getConfig().setSerializeJobGraph(serializeJobGraph);
    return env;
  }

  /** Every pair of each window's orders and clicks, with the window's last millisecond, sorted. */
  static List<String> crossProducts(Windowing windowing) {
    List<String> expected = new ArrayList<>();
    for (Map.Entry<KeyWindow, Contents> e : WindowJoinFixture.windowContents(windowing).entrySet()) {
      for (long order : e.getValue().orders()) {
        for (long click : e.getValue().clicks()) {
          expected.add("o" + order + "+c" + click + " ts=" + e.getKey().window().maxTimestamp());
        }
      }
    }
    return sorted(expected);
  }

  static List<String> sorted(List<String> values) {
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted;
  }

  @ParameterizedTest(name = "{0} windows, parallelism {1}, serialized job graph {2}")
  @CsvSource({
      "TUMBLING, 1, false",
      "TUMBLING, 2, true",
      "TUMBLING, 4, false",
      "SLIDING, 1, false",
      "SLIDING, 2, false",
      "SLIDING, 4, true",
      "SESSION, 1, true",
      "SESSION, 2, false",
      "SESSION, 4, false",
  })
  void when_two_shuffled_streams_are_window_joined_then_each_window_joins_the_cross_product_of_its_sides(
      Windowing windowing, int parallelism, boolean serializeJobGraph) throws Exception {
    var env = environment(parallelism, serializeJobGraph);
    try (var joined = new CollectingSink<String>()) {
      DataStream<String> pairs = orders(env).join(clicks(env))
          .where(Order::customer)
          .equalTo(Click::customer)
          .window(windowing.assigner)
          .apply((order, click) -> "o" + order.id() + "+c" + click.id());
      pairs.process(new AppendTimestamp()).sinkTo(joined);
      env.execute("window-join");

      List<String> expected = crossProducts(windowing);
      assertThat(expected).as("pairs the data set yields").hasSizeGreaterThan(1_000);
      assertThat(sorted(joined.values())).isEqualTo(expected);
    }
  }

  @Test
  void when_an_input_type_has_no_serializer_and_the_output_type_is_erased_then_the_join_works_on_objects()
      throws Exception {
    var env = environment(2, true);
    try (var joined = new CollectingSink<String>()) {
      DataStream<Object> opaqueOrders = orders(env).flatMap((Order o, Collector<Object> out) -> out.collect(new Opaque(o)));
      DataStream<String> pairs = opaqueOrders.join(clicks(env))
          .where(o -> ((Opaque) o).order.customer())
          .equalTo(Click::customer)
          .window(Windowing.TUMBLING.assigner)
          .<String>apply((o, click, out) -> out.collect("o" + ((Opaque) o).order.id() + "+c" + click.id()));
      assertThat(opaqueOrders.getType().isUnknown()).isTrue();
      assertThat(pairs.getType().isUnknown()).isTrue();
      pairs.process(new AppendTimestamp()).sinkTo(joined);
      env.execute("window-join-objects");

      assertThat(sorted(joined.values())).isEqualTo(crossProducts(Windowing.TUMBLING));
    }
  }

  @Test
  void when_the_data_is_checked_then_every_customer_has_one_session_per_burst_and_the_last_never_orders() {
    Map<Integer, List<TimeWindow>> sessions = WindowJoinFixture.sessions(
        LongStream.range(0, WindowJoinFixture.ORDERS).mapToObj(WindowJoinFixture::order).toList(),
        LongStream.range(0, WindowJoinFixture.CLICKS).mapToObj(WindowJoinFixture::click).toList());

    assertThat(sessions).hasSize(WindowJoinFixture.CUSTOMERS);
    assertThat(sessions.values()).allSatisfy(s -> assertThat(s).hasSize(WindowJoinFixture.BURSTS));
    assertThat(LongStream.range(0, WindowJoinFixture.ORDERS).mapToObj(WindowJoinFixture::order))
        .noneMatch(o -> o.customer() == WindowJoinFixture.CUSTOMERS - 1);
  }
}
