package weir.tests.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import weir.api.connector.source.lib.DataGeneratorSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.SlidingEventTimeWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.assigners.WindowAssigner;
import weir.api.windowing.windows.TimeWindow;
import weir.tests.jobs.IntervalJoinIT.Click;
import weir.tests.jobs.IntervalJoinIT.Order;

/**
 * Inputs of the window join and coGroup tests, and the contents of every window computed here
 * from all records at once, which the jobs must reproduce.
 *
 * <p>Design of the data: orders and clicks of {@link #CUSTOMERS} customers come in bursts of
 * {@link #BURST} ms of event time separated by {@link #PAUSE} ms without records. Within a burst
 * each customer has a click at least every 60 ms, so a session gap of {@link #SESSION_GAP} ms
 * makes exactly one session per customer and burst. Timestamps are shuffled within blocks of
 * {@link IntervalJoinIT#BLOCK} records, as in {@link IntervalJoinIT}, and bursts hold whole
 * blocks, so no record is ever more than {@link IntervalJoinIT#OUT_OF_ORDERNESS} behind an earlier
 * one of its split: with that bounded out-of-orderness no record is late at any parallelism, and
 * every window holds exactly what the computation here puts in it.
 */
final class WindowJoinFixture {
  /** Customers 0 to 10 click; the last one never orders, so its windows have one side only. */
  static final int CUSTOMERS = 11;
  /** Event time a burst spans before pauses are added: whole blocks of orders and of clicks. */
  static final long BURST = 512;
  static final int BURSTS = 4;
  static final long ORDERS = BURSTS * BURST / IntervalJoinIT.ORDER_SPACING;
  static final long CLICKS = BURSTS * BURST / IntervalJoinIT.CLICK_SPACING;
  static final long PAUSE = 300;
  static final long SESSION_GAP = 100;

  private WindowJoinFixture() {}

  /** The window kinds the tests run with. */
  enum Windowing {
    TUMBLING(TumblingEventTimeWindows.of(Duration.ofMillis(200))),
    SLIDING(SlidingEventTimeWindows.of(Duration.ofMillis(300), Duration.ofMillis(100))),
    SESSION(EventTimeSessionWindows.withGap(Duration.ofMillis(SESSION_GAP)));

    final WindowAssigner<Object, TimeWindow> assigner;

    Windowing(WindowAssigner<Object, TimeWindow> assigner) {
      this.assigner = assigner;
    }
  }

  /** One customer's window. */
  record KeyWindow(int customer, TimeWindow window) {}

  /** The ids of the orders and clicks in one customer's window. */
  record Contents(List<Long> orders, List<Long> clicks) {}

  static Order order(long i) {
    return new Order((int) (i * 3 % (CUSTOMERS - 1)), i, inBursts(IntervalJoinIT.shuffled(i) * IntervalJoinIT.ORDER_SPACING));
  }

  static Click click(long i) {
    return new Click((int) (i * 7 % CUSTOMERS), i, inBursts(IntervalJoinIT.shuffled(i) * IntervalJoinIT.CLICK_SPACING));
  }

  /** Spreads dense time {@code t} over bursts; a burst is whole blocks of both inputs' records. */
  private static long inBursts(long t) {
    return t + t / BURST * PAUSE;
  }

  static DataStream<Order> orders(StreamExecutionEnvironment env) {
    return IntervalJoinIT.timed(env, new DataGeneratorSource<>(WindowJoinFixture::order, ORDERS, 20_000),
        (o, ts) -> o.time(), "orders");
  }

  static DataStream<Click> clicks(StreamExecutionEnvironment env) {
    return IntervalJoinIT.timed(env, new DataGeneratorSource<>(WindowJoinFixture::click, CLICKS, 40_000),
        (c, ts) -> c.time(), "clicks");
  }

  /** What every customer's windows hold, ids in ascending order, for the windows of {@code windowing}. */
  static Map<KeyWindow, Contents> windowContents(Windowing windowing) {
    List<Order> orders = LongStream.range(0, ORDERS).mapToObj(WindowJoinFixture::order).toList();
    List<Click> clicks = LongStream.range(0, CLICKS).mapToObj(WindowJoinFixture::click).toList();
    Map<Integer, List<TimeWindow>> sessions = sessions(orders, clicks);
    Map<KeyWindow, Contents> contents =
        new TreeMap<>(Comparator.comparingInt(KeyWindow::customer).thenComparing(KeyWindow::window,
            Comparator.comparingLong(TimeWindow::getStart)));
    for (Order o : orders) {
      for (TimeWindow w : windowsOf(windowing, o.time(), sessions.get(o.customer()))) {
        contentsOf(contents, o.customer(), w).orders().add(o.id());
      }
    }
    for (Click c : clicks) {
      for (TimeWindow w : windowsOf(windowing, c.time(), sessions.get(c.customer()))) {
        contentsOf(contents, c.customer(), w).clicks().add(c.id());
      }
    }
    return contents;
  }

  private static Contents contentsOf(Map<KeyWindow, Contents> contents, int customer, TimeWindow window) {
    return contents.computeIfAbsent(new KeyWindow(customer, window), k -> new Contents(new ArrayList<>(), new ArrayList<>()));
  }

  private static List<TimeWindow> windowsOf(Windowing windowing, long time, List<TimeWindow> sessionsOfKey) {
    List<TimeWindow> windows = new ArrayList<>();
    switch (windowing) {
      case TUMBLING -> {
        long start = TimeWindow.getWindowStartWithOffset(time, 0, 200);
        windows.add(new TimeWindow(start, start + 200));
      }
      case SLIDING -> {
        for (long start = TimeWindow.getWindowStartWithOffset(time, 0, 100); start > time - 300; start -= 100) {
          windows.add(new TimeWindow(start, start + 300));
        }
      }
      case SESSION -> sessionsOfKey.stream().filter(s -> s.getStart() <= time && time < s.getEnd()).forEach(windows::add);
    }
    return windows;
  }

  /**
   * Each customer's sessions over both inputs: a record at {@code t} opens {@code [t, t + gap)},
   * and windows that overlap or touch merge, as {@link TimeWindow#mergeWindows} merges them.
   */
  static Map<Integer, List<TimeWindow>> sessions(List<Order> orders, List<Click> clicks) {
    Map<Integer, List<Long>> times = new TreeMap<>();
    orders.forEach(o -> times.computeIfAbsent(o.customer(), k -> new ArrayList<>()).add(o.time()));
    clicks.forEach(c -> times.computeIfAbsent(c.customer(), k -> new ArrayList<>()).add(c.time()));
    Map<Integer, List<TimeWindow>> sessions = new TreeMap<>();
    times.forEach((customer, ts) -> {
      List<TimeWindow> merged = new ArrayList<>();
      ts.stream().sorted().forEach(t -> {
        TimeWindow last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && t <= last.getEnd()) {
          merged.set(merged.size() - 1, new TimeWindow(last.getStart(), Math.max(last.getEnd(), t + SESSION_GAP)));
        } else {
          merged.add(new TimeWindow(t, t + SESSION_GAP));
        }
      });
      sessions.put(customer, merged);
    });
    return sessions;
  }
}
