package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static weir.tests.jobs.WindowJoinFixture.clicks;
import static weir.tests.jobs.WindowJoinFixture.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weir.api.functions.CoGroupFunction;
import weir.api.functions.Collector;
import weir.tests.jobs.IntervalJoinIT.AppendTimestamp;
import weir.tests.jobs.IntervalJoinIT.Click;
import weir.tests.jobs.IntervalJoinIT.Order;
import weir.tests.jobs.WindowJoinFixture.Contents;
import weir.tests.jobs.WindowJoinFixture.KeyWindow;
import weir.tests.jobs.WindowJoinFixture.Windowing;
import weir.tests.support.CollectingSink;

/**
 * Window coGroups in real jobs: each customer's window is handed over once with all its orders
 * and all its clicks, also when one side is empty, as computed from all records at once (see
 * {@link WindowJoinFixture}).
 */
class CoGroupIT {
  /** Describes a window by its customer and the sorted ids of both sides. */
  static final class Summarize implements CoGroupFunction<Order, Click, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void coGroup(Iterable<Order> orders, Iterable<Click> clicks, Collector<String> out) {
      List<Long> orderIds = new ArrayList<>();
      List<Long> clickIds = new ArrayList<>();
      int customer = -1;
      for (Order o : orders) {
        orderIds.add(o.id());
        customer = o.customer();
      }
      for (Click c : clicks) {
        clickIds.add(c.id());
        customer = c.customer();
      }
      orderIds.sort(null);
      clickIds.sort(null);
      out.collect(describe(customer, orderIds, clickIds));
    }
  }

  static String describe(int customer, List<Long> orders, List<Long> clicks) {
    return "customer " + customer + " orders " + orders + " clicks " + clicks;
  }

  @ParameterizedTest(name = "{0} windows, parallelism {1}, serialized job graph {2}")
  @CsvSource({
      "TUMBLING, 1, true",
      "TUMBLING, 2, false",
      "TUMBLING, 4, false",
      "SLIDING, 1, false",
      "SLIDING, 2, true",
      "SLIDING, 4, false",
      "SESSION, 1, false",
      "SESSION, 2, false",
      "SESSION, 4, true",
  })
  void when_two_shuffled_streams_are_cogrouped_then_each_window_is_evaluated_once_with_both_sides(
      Windowing windowing, int parallelism, boolean serializeJobGraph) throws Exception {
    var env = WindowJoinIT.environment(parallelism, serializeJobGraph);
    try (var groups = new CollectingSink<String>()) {
      orders(env).coGroup(clicks(env))
          .where(Order::customer)
          .equalTo(Click::customer)
          .window(windowing.assigner)
          .apply(new Summarize())
          .process(new AppendTimestamp())
          .sinkTo(groups);
      env.execute("window-cogroup");

      List<String> expected = new ArrayList<>();
      for (Map.Entry<KeyWindow, Contents> e : WindowJoinFixture.windowContents(windowing).entrySet()) {
        expected.add(describe(e.getKey().customer(), e.getValue().orders(), e.getValue().clicks())
            + " ts=" + e.getKey().window().maxTimestamp());
      }
      assertThat(expected).as("windows with clicks but no orders").anyMatch(s -> s.contains("orders []"));
      assertThat(WindowJoinIT.sorted(groups.values())).isEqualTo(WindowJoinIT.sorted(expected));
    }
  }
}
