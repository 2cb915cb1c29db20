package weir.tests.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

  /** A count and a sum of the numbers of one key; the empty tally has no key yet. */
  public record Tally(long key, long count, long sum) implements Serializable {
    static final Tally EMPTY = new Tally(-1, 0, 0);

    static Tally of(Event e) {
      return new Tally(e.key(), 1, e.value());
    }

    Tally plus(Tally other) {
      return new Tally(count == 0 ? other.key : key, count + other.count, sum + other.sum);
    }
  }

  private static long timeOf(long value) {
    return value + value / 1_000 * PAUSE + value * 37 % JITTER;
  }

  /** Adds tallies. */
  static final class AddTallies implements ReduceFunction<Tally> {
    @Override
    public Tally reduce(Tally a, Tally b) {
      return a.plus(b);
    }
  }

  /** Tallies events. */
  static final class TallyEvents implements AggregateFunction<Event, Tally, Tally> {
    @Override
    public Tally createAccumulator() {
      return Tally.EMPTY;
    }

    @Override
    public Tally add(Event e, Tally acc) {
      return acc.plus(Tally.of(e));
    }

    @Override
    public Tally getResult(Tally acc) {
      return acc;
    }

    @Override
    public Tally merge(Tally a, Tally b) {
      return a.plus(b);
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

  /** Pairs the numbers of events an interval join joined. */
  static final class PairUp extends ProcessJoinFunction<Event, Event, Pair> {
    @Override
    public void processElement(Event left, Event right, Context ctx, Collector<Pair> out) {
      out.collect(new Pair(left.value(), right.value()));
    }
  }

  /** Pairs the numbers of events a window join joined. */
  static final class JoinPair implements JoinFunction<Event, Event, Pair> {
    @Override
    public Pair join(Event left, Event right) {
      return new Pair(left.value(), right.value());
    }
  }

  /** The jobs under test, one per kind of window or join operator, each on its number of events. */
  enum Job {
    TUMBLING_WINDOWS_REDUCED_ON_SLICES(RECORDS) {
      @Override
      DataStream<?> build(DataStream<Event> events) {
        return events.map(Tally::of).keyBy(Tally::key)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(500)))
            .reduce(new AddTallies(), new TallyOfWindow());
      }
    },
    SLIDING_WINDOWS_AGGREGATED_ON_SLICES(RECORDS) {
      @Override
      DataStream<?> build(DataStream<Event> events) {
        return events.keyBy(Event::key)
            .window(SlidingEventTimeWindows.of(Duration.ofMillis(1_000), Duration.ofMillis(250)))
            .aggregate(new TallyEvents(), new TallyOfWindow());
      }
    },
    SLIDING_WINDOWS_WITH_THEIR_ELEMENTS(RECORDS) {
      @Override
      DataStream<?> build(DataStream<Event> events) {
        return events.keyBy(Event::key)
            .window(SlidingEventTimeWindows.of(Duration.ofMillis(1_000), Duration.ofMillis(250)))
            .process(new Elements<>());
      }
    },
    AGGREGATED_SESSIONS(RECORDS) {
      @Override
      DataStream<?> build(DataStream<Event> events) {
        return events.keyBy(Event::key)
            .window(EventTimeSessionWindows.withGap(Duration.ofMillis(100)))
            .aggregate(new TallyEvents(), new TallyOfWindow());
      }
    },
    SESSIONS_WITH_THEIR_ELEMENTS(RECORDS) {
      @Override
      DataStream<?> build(DataStream<Event> events) {
        return events.keyBy(Event::key)
            .window(EventTimeSessionWindows.withGap(Duration.ofMillis(100)))
            .process(new Elements<>());
      }
    },
    COUNT_WINDOWS_WITH_AN_EVICTOR(RECORDS) {
      @Override
      DataStream<?> build(DataStream<Event> events) {
        // Flink's countWindow(10, 5): every fifth element fires the last ten
        return events.keyBy(Event::block)
            .window(GlobalWindows.create())
            .trigger(CountTrigger.of(5))
            .evictor(CountEvictor.of(10))
            .process(new Elements<GlobalWindow>());
      }
    },
    INTERVAL_JOIN(JOIN_RECORDS) {
      @Override
      DataStream<?> build(DataStream<Event> events) {
        return events.filter(e -> e.value() % 3 != 0).keyBy(Event::key)
            .intervalJoin(events.filter(e -> e.value() % 3 == 0).keyBy(Event::key))
            .between(Duration.ofMillis(-30), Duration.ofMillis(30))
            .process(new PairUp());
      }
    },
    WINDOW_JOIN(JOIN_RECORDS) {
      @Override
      DataStream<?> build(DataStream<Event> events) {
        return events.filter(e -> e.value() % 3 != 0)
            .join(events.filter(e -> e.value() % 3 == 0))
            .where(Event::key).equalTo(Event::key)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(50)))
            .apply(new JoinPair());
      }
    };

    final int records;

    Job(int records) {
      this.records = records;
    }

    abstract DataStream<?> build(DataStream<Event> events);
  }

  static Stream<Arguments> jobs() {
    return Stream.of(Job.values()).flatMap(job -> Stream.of(Arguments.of(job, 1, false), Arguments.of(job, 2, false),
        Arguments.of(job, 1, true), Arguments.of(job, 2, true)));
  }

  @ParameterizedTest(name = "{0} at parallelism {1}, unaligned {2}")
  @MethodSource("jobs")
  @Timeout(120)
  void is_exactly_once_through_injected_failures(Job job, int parallelism, boolean unaligned) throws Exception {
    // an attempt gets no further than this before it fails, so even the last planned failure happens
    long maxRecordsBetweenFailures = job.records / 2 / (FAILURES_PER_RUN + 1);
    long injected = ExactlyOnceCheck.forJob((env, faults) -> job.build(events(env, faults, job.records)))
        .parallelism(parallelism)
        .seeds(1, 2, 3)
        .failuresPerRun(FAILURES_PER_RUN)
        .maxRecordsBetweenFailures(maxRecordsBetweenFailures)
        .checkpointSettings(c -> c.enableUnalignedCheckpoints(unaligned))
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
}
