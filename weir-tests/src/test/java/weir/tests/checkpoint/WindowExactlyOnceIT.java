package weir.tests.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.connector.source.lib.NumberSequenceSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.AggregateFunction;
import weir.api.functions.Collector;
import weir.api.functions.JoinFunction;
import weir.api.functions.ProcessJoinFunction;
import weir.api.functions.ReduceFunction;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.GlobalWindows;
import weir.api.windowing.assigners.SlidingEventTimeWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.evictors.CountEvictor;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.triggers.CountTrigger;
import weir.api.windowing.windows.GlobalWindow;
import weir.api.windowing.windows.TimeWindow;
import weir.api.windowing.windows.Window;
import weir.testing.faults.ExactlyOnceCheck;

/**
 * Every kind of window operator, the window join and the interval join are exactly-once through
 * injected failures: their state (contents, slices, sessions in flight, evictor elements, join
 * buffers) and timers come back from checkpoints, so what the job commits equals a fault-free run.
 *
 * <h3>Design of this test</h3>
 * The input is the numbers from 0 ({@value #RECORDS} of them, {@value #JOIN_RECORDS} for joins),
 * each an {@link Event} whose time runs with the number, jittered by up to {@value #JITTER} ms and
 * paused by {@value #PAUSE} ms every thousand numbers (so that sessions end). The source's watermark trails its largest time by the jitter, so
 * records come out of order but are never late: a window's result depends only on which records
 * the input holds, not on when they arrive. Each job emits per window the key, the window's end,
 * the count and the sum of the numbers (or each joined pair), which is order-independent; only
 * count windows depend on order, and they are keyed by blocks of consecutive numbers, which one
 * source subtask emits in order.
 *
 * <p>A failure injector right after the source fails a source subtask {@value #FAILURES_PER_RUN}
 * times in each of {@value #SEEDS} runs, each time after at most a share of the input such that
 * an attempt, which gets no further than that before it fails, leaves enough input for the next
 * failure: every planned failure happens, and the test checks the total. A failure restarts the
 * whole job from its last checkpoint, so every operator restores its state each time.
 */
class WindowExactlyOnceIT {
  private static final int RECORDS = 20_000;
  // a join's buffers at two subtasks hold the later half of the input until the earlier half is read
  private static final int JOIN_RECORDS = 8_000;
  private static final long JITTER = 50;
  private static final long PAUSE = 300;
  private static final long KEYS = 10;
  private static final int SEEDS = 3;
  private static final int FAILURES_PER_RUN = 7;

  /** A record: its key, its event time and the number it was made from. */
  public record Event(long key, long time, long value) implements Serializable {
    static Event of(long value) {
      return new Event(value % KEYS, timeOf(value), value);
    }

    /** The key of count windows: a block of consecutive numbers, all read by one source subtask. */
    long block() {
      return value / 100;
    }
  }

  /** A window's result. */
  public record WindowResult(long key, long end, long count, long sum) implements Serializable {}

  /** A joined pair of numbers. */
  public record Pair(long left, long right) implements Serializable {}

  /** A count and a sum of numbers, of one key. */
  public record Tally(long key, long count, long sum) implements Serializable {}

  private static long timeOf(long value) {
    return value + value / 1_000 * PAUSE + value * 37 % JITTER;
  }

  /** The job under test, built on the events. */
  @FunctionalInterface
  interface EventJob<T> {
    DataStream<T> build(DataStream<Event> events);
  }

  /**
   * Checks the job {@code job} builds on {@code records} events at {@code parallelism}, and that
   * every planned failure happened.
   */
  private static <T> void verify(int parallelism, int records, EventJob<T> job) throws Exception {
    // an attempt gets no further than this before it fails, and even the last still fails
    long maxRecordsBetweenFailures = records / 2 / (FAILURES_PER_RUN + 1);
    long injected = ExactlyOnceCheck.forJob((env, faults) -> job.build(events(env, faults, records)))
        .parallelism(parallelism)
        .seeds(1, 2, 3)
        .failuresPerRun(FAILURES_PER_RUN)
        .maxRecordsBetweenFailures(maxRecordsBetweenFailures)
        .verify();
    assertThat(injected).isGreaterThanOrEqualTo((long) SEEDS * FAILURES_PER_RUN);
  }

  /**
   * {@code records} events, with failures injected after the source. Watermarks advance every
   * few milliseconds, so that windows fire and join buffers empty while the input is being read.
   */
  private static DataStream<Event> events(StreamExecutionEnvironment env, ExactlyOnceCheck.Faults faults,
      int records) {
    env.getConfig().setAutoWatermarkInterval(Duration.ofMillis(5));
    return env.fromSource(new NumberSequenceSource(0, records - 1),
            WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(JITTER))
                .withTimestampAssigner((value, ts) -> timeOf(value)),
            "numbers")
        .map(faults.<Long>injector())
        .map(Event::of);
  }

  /** Adds counts and sums. */
  static final class AddTallies implements ReduceFunction<Tally> {
    @Override
    public Tally reduce(Tally a, Tally b) {
      return new Tally(a.key(), a.count() + b.count(), a.sum() + b.sum());
    }
  }

  /** Counts events and sums their numbers, in an accumulator {count, sum}. */
  static final class CountAndSum implements AggregateFunction<Event, long[], long[]> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Event e, long[] acc) {
      return new long[] {acc[0] + 1, acc[1] + e.value()};
    }

    @Override
    public long[] getResult(long[] acc) {
      return acc;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {a[0] + b[0], a[1] + b[1]};
    }
  }

  /** The window's result from its one tally. */
  static final class TallyOfWindow extends ProcessWindowFunction<Tally, WindowResult, Long, TimeWindow> {
    @Override
    public void process(Long key, Context ctx, Iterable<Tally> tallies, Collector<WindowResult> out) {
      Tally t = tallies.iterator().next();
      out.collect(new WindowResult(key, ctx.window().getEnd(), t.count(), t.sum()));
    }
  }

  /** The window's result from its one {count, sum}. */
  static final class CountAndSumOfWindow extends ProcessWindowFunction<long[], WindowResult, Long, TimeWindow> {
    @Override
    public void process(Long key, Context ctx, Iterable<long[]> results, Collector<WindowResult> out) {
      long[] r = results.iterator().next();
      out.collect(new WindowResult(key, ctx.window().getEnd(), r[0], r[1]));
    }
  }

  /**
   * The window's result from all its events; the end of a global window is the largest number it
   * holds, which tells its firings apart.
   */
  static final class Elements<W extends Window> extends ProcessWindowFunction<Event, WindowResult, Long, W> {
    @Override
    public void process(Long key, Context ctx, Iterable<Event> events, Collector<WindowResult> out) {
      long count = 0;
      long sum = 0;
      long max = Long.MIN_VALUE;
      for (Event e : events) {
        count++;
        sum += e.value();
        max = Math.max(max, e.value());
      }
      long end = ctx.window() instanceof TimeWindow w ? w.getEnd() : max;
      out.collect(new WindowResult(key, end, count, sum));
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  @Timeout(120)
  void tumbling_windows_reduced_on_slices_are_exactly_once(int parallelism) throws Exception {
    verify(parallelism, RECORDS, events -> events
        .map(e -> new Tally(e.key(), 1, e.value()))
        .keyBy(Tally::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(500)))
        .reduce(new AddTallies(), new TallyOfWindow()));
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  @Timeout(120)
  void sliding_windows_aggregated_on_slices_are_exactly_once(int parallelism) throws Exception {
    verify(parallelism, RECORDS, events -> events
        .keyBy(Event::key)
        .window(SlidingEventTimeWindows.of(Duration.ofMillis(1_000), Duration.ofMillis(250)))
        .aggregate(new CountAndSum(), new CountAndSumOfWindow()));
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  @Timeout(120)
  void sliding_windows_keeping_their_elements_are_exactly_once(int parallelism) throws Exception {
    verify(parallelism, RECORDS, events -> events
        .keyBy(Event::key)
        .window(SlidingEventTimeWindows.of(Duration.ofMillis(1_000), Duration.ofMillis(250)))
        .process(new Elements<>()));
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  @Timeout(120)
  void aggregated_sessions_are_exactly_once(int parallelism) throws Exception {
    verify(parallelism, RECORDS, events -> events
        .keyBy(Event::key)
        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(100)))
        .aggregate(new CountAndSum(), new CountAndSumOfWindow()));
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  @Timeout(120)
  void sessions_keeping_their_elements_are_exactly_once(int parallelism) throws Exception {
    verify(parallelism, RECORDS, events -> events
        .keyBy(Event::key)
        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(100)))
        .process(new Elements<>()));
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  @Timeout(120)
  void count_windows_with_an_evictor_are_exactly_once(int parallelism) throws Exception {
    // Flink's countWindow(10, 5): every fifth element fires the last ten
    verify(parallelism, RECORDS, events -> events
        .keyBy(Event::block)
        .window(GlobalWindows.create())
        .trigger(CountTrigger.of(5))
        .evictor(CountEvictor.of(10))
        .process(new Elements<GlobalWindow>()));
  }

  /** Pairs the numbers of joined events. */
  static final class PairUp extends ProcessJoinFunction<Event, Event, Pair> {
    @Override
    public void processElement(Event left, Event right, Context ctx, Collector<Pair> out) {
      out.collect(new Pair(left.value(), right.value()));
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  @Timeout(120)
  void interval_joins_are_exactly_once(int parallelism) throws Exception {
    verify(parallelism, JOIN_RECORDS, events -> events
        .filter(e -> e.value() % 3 != 0).keyBy(Event::key)
        .intervalJoin(events.filter(e -> e.value() % 3 == 0).keyBy(Event::key))
        .between(Duration.ofMillis(-30), Duration.ofMillis(30))
        .process(new PairUp()));
  }

  /** Pairs the numbers of joined events. */
  static final class JoinPair implements JoinFunction<Event, Event, Pair> {
    @Override
    public Pair join(Event left, Event right) {
      return new Pair(left.value(), right.value());
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  @Timeout(120)
  void window_joins_are_exactly_once(int parallelism) throws Exception {
    verify(parallelism, JOIN_RECORDS, events -> events
        .filter(e -> e.value() % 3 != 0)
        .join(events.filter(e -> e.value() % 3 == 0))
        .where(Event::key).equalTo(Event::key)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(50)))
        .apply(new JoinPair()));
  }
}
