package weir.tests.properties;

import static org.awaitility.Awaitility.await;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.IntervalJoined;
import weir.api.datastream.OutputTag;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.datastream.WindowedStream;
import weir.api.environment.JobClient;
import weir.api.eventtime.BoundedOutOfOrdernessWatermarks;
import weir.api.eventtime.WatermarkGenerator;
import weir.api.eventtime.WatermarkOutput;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.AggregateFunction;
import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.ProcessFunction;
import weir.api.functions.ProcessJoinFunction;
import weir.api.functions.ReduceFunction;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.SlidingEventTimeWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.assigners.WindowAssigner;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.windows.TimeWindow;
import weir.tests.properties.EventTimeReference.Fired;
import weir.tests.properties.EventTimeReference.Pair;
import weir.tests.properties.EventTimeReference.WindowId;
import weir.tests.support.CollectingSink;
import weir.tests.support.PartitionedSource;
import weir.tests.support.PartitionedSource.Event;

/**
 * Random out-of-order event streams through tumbling, sliding and session windows and an interval
 * join, at parallelism 1, 2 and 4, give exactly what a brute-force reference computes
 * ({@link EventTimeReference}): every firing of every window, in order, with its bounds, contents
 * and output timestamp; every joined pair with its timestamp; and the late data side outputs.
 *
 * <h3>Design of this test</h3>
 * Which records are late depends on the watermark of the operator's subtask when they arrive,
 * and that watermark is the minimum over input channels fed by source subtasks that run
 * independently: in general it is not a function of the data. The scenarios
 * ({@link EventTimeScenario}) are built so that it is, in two phases.
 * <ul>
 *   <li><b>Phase A is never late.</b> Each record is at most its partition's disorder, itself at
 *       most the strategy's out-of-orderness {@code d}, behind the highest timestamp before it in
 *       its partition, so it is above that partition's watermark when emitted. A partition that is
 *       active (not idle, not finished) holds its source subtask's watermark at or below its own,
 *       records and watermarks keep their order through each channel, and a subtask's watermark
 *       is at most that of every active channel: so at the operator the record is above the
 *       watermark, and so is every window it belongs to. No window it belongs to has fired, and
 *       (sessions) no session that fired can end exactly where its own window starts, since no
 *       two phase A records of a key are exactly a gap apart.</li>
 *   <li><b>The gate.</b> Each busy partition ends phase A with a record at {@code gate + d + 1},
 *       which moves its watermark to exactly {@code gate}, then holds until a release file exists.
 *       Quiet (and waking) partitions end phase A early, far below the gate, and their
 *       generator marks them idle after their last record; they also hold until the release file
 *       exists. Finished partitions just end. So every subtask's watermark reaches the gate only
 *       if idleness works. A probe downstream of every operator (keyed, parallelism 1, so its watermark is the
 *       minimum over all their subtasks) fires an event-time timer at the gate; the test waits for
 *       it, checks that the windows that end by the gate have fired with their phase A records
 *       while the quiet partitions were still open, and only then creates the release file.</li>
 *   <li><b>Phase B sees the watermark at exactly the gate.</b> It is at least the gate: every
 *       operator subtask had reached it before the first phase B record was emitted, and
 *       watermarks never go back. It is at most the gate: phase B timestamps are at most {@code
 *       gate + d + 1}, so each busy partition's watermark stays at the gate while it emits them,
 *       and the channel a record arrives on is held there. So a phase B record is late,
 *       late-but-allowed (a late firing) or on time by its timestamp alone, per variant.</li>
 *   <li><b>Firings are ordered.</b> All phase B records of a key come from one partition, so they
 *       reach the key's subtask in their partition's order, and so does every late firing of the
 *       key's windows. Phase A firings happen before the gate, the others after; so the sequence
 *       of firings of every window is determined, and compared whole. The join needs no order:
 *       it pairs every two records that are not late, whichever arrives first.</li>
 * </ul>
 * Idleness is declared by the generator rather than by a processing-time timeout: a timeout may
 * also expire on a busy partition whose subtask was descheduled, and then its next records could
 * be late, which no reference can predict. Waking partitions become active again in phase B,
 * always beside a busy partition of the same reader that keeps the reader active (see {@link
 * EventTimeScenario}), so the argument above holds for them. Since a reader polls all its
 * partitions from the first poll on, no partition joins after a watermark was emitted.
 *
 * <h3>Reproducing</h3>
 * Each run names its seed. Fixed seeds run always, plus one random seed per run of the class;
 * {@code -Dweir.oracle.seed=N} replaces the random one.
 */
class EventTimeOracleIT {
  // between them: each gate alignment, waking and finished partitions, no out-of-orderness, no
  // lateness, windows of a few milliseconds, idle partitions still idle when the input ends
  private static final long[] FIXED_SEEDS = {12, 35, 36, 20_261_123, 2_755_717_684_125_945_066L};
  private static final Duration GATE_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(20);
  private static final int SHOWN_DIFFERENCES = 12;
  private static final long RANDOM_SEED = Long.getLong("weir.oracle.seed", ThreadLocalRandom.current().nextLong());

  enum Assigner { TUMBLING, SLIDING, SESSION }

  /** How a window is evaluated: an aggregate function, a reduce function, or a process function over all elements. */
  enum Evaluation { AGGREGATE, REDUCE, PROCESS }

  /** A window operator under test: assigner, evaluation and allowed lateness. */
  record Variant(Assigner assigner, Evaluation evaluation, long lateness) {
    String name() {
      return (assigner + "-" + evaluation).toLowerCase() + "-lateness-" + lateness;
    }
  }

  @BeforeAll
  static void printRandomSeed() {
    System.out.println("EventTimeOracleIT random seed: " + RANDOM_SEED + " (rerun with -Dweir.oracle.seed=" + RANDOM_SEED
        + ")");
  }

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    List<Long> seeds = new ArrayList<>();
    for (long seed : FIXED_SEEDS) {
      seeds.add(seed);
    }
    seeds.add(RANDOM_SEED);
    for (long seed : seeds) {
      for (int parallelism : new int[] {1, 2, 4}) {
        runs.add(Arguments.of(seed, parallelism));
      }
    }
    return runs.stream();
  }

  /**
   * The window operators under test: tumbling and sliding windows with an aggregate and with a
   * reduce and no lateness, which are evaluated from slices; with the scenario's lateness, every
   * assigner with an aggregate and a process function over all elements, and sessions with a
   * reduce too (the general operator, or the sliced one where the lateness is zero).
   */
  static List<Variant> variants(EventTimeScenario s) {
    List<Variant> variants = new ArrayList<>();
    for (Assigner assigner : Assigner.values()) {
      if (assigner != Assigner.SESSION) {
        variants.add(new Variant(assigner, Evaluation.AGGREGATE, 0));
        variants.add(new Variant(assigner, Evaluation.REDUCE, 0));
      } else {
        variants.add(new Variant(assigner, Evaluation.REDUCE, s.lateness));
      }
      variants.add(new Variant(assigner, Evaluation.AGGREGATE, s.lateness));
      variants.add(new Variant(assigner, Evaluation.PROCESS, s.lateness));
    }
    return List.copyOf(new LinkedHashSet<>(variants)); // some are the same where the lateness is zero
  }

  @ParameterizedTest(name = "seed {0}, parallelism {1}")
  @MethodSource("runs")
  void when_out_of_order_partitions_run_through_windows_and_joins_then_the_output_equals_the_reference(long seed,
      int parallelism, @TempDir Path dir) throws Exception {
    EventTimeScenario s = new EventTimeScenario(seed);
    try (Job job = new Job(s, parallelism, dir.resolve("release"))) {
      job.run();
    } catch (Exception | AssertionError e) {
      throw new AssertionError("Seed " + seed + " at parallelism " + parallelism + " (rerun with -Dweir.oracle.seed="
          + seed + "), " + s + ":\n" + e.getMessage(), e);
    }
  }

  /** One job over a scenario: all variants and the join, reading one partitioned source. */
  static final class Job implements AutoCloseable {
    private final EventTimeScenario s;
    private final int parallelism;
    private final Path release;
    private final List<AutoCloseable> sinks = new ArrayList<>();
    private final Map<Variant, CollectingSink<Fired>> fired = new LinkedHashMap<>();
    private final Map<Variant, CollectingSink<?>> late = new LinkedHashMap<>();
    private final CollectingSink<Pair> pairs = sink();
    private final CollectingSink<Event> lateLeft = sink();
    private final CollectingSink<Event> lateRight = sink();
    private final CollectingSink<Long> gate = sink();
    private final List<String> differences = new ArrayList<>();

    Job(EventTimeScenario s, int parallelism, Path release) {
      this.s = s;
      this.parallelism = parallelism;
      this.release = release;
    }

    private <T> CollectingSink<T> sink() {
      CollectingSink<T> sink = new CollectingSink<>();
      sinks.add(sink);
      return sink;
    }

    void run() throws Exception {
      var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
      env.getConfig().setAutoWatermarkInterval(Duration.ofMillis(2));
      long delay = s.delay;
      Map<Integer, Integer> quietAfter = Map.copyOf(s.quietAfter);
      DataStream<Event> events = env.fromSource(new PartitionedSource(s.partitions(release)),
          WatermarkStrategy.<Event>forGenerator(ctx -> new IdleBetweenPhases(delay, quietAfter))
              .withTimestampAssigner((e, ts) -> e.timestamp()), "partitions");
      List<DataStream<Long>> progress = new ArrayList<>();
      for (Variant v : variants(s)) {
        progress.add(window(events, v));
      }
      progress.add(join(events));
      DataStream<Long> first = progress.get(0);
      @SuppressWarnings("unchecked")
      DataStream<Long>[] others = progress.subList(1, progress.size()).toArray(DataStream[]::new);
      first.union(others).keyBy(x -> 0).process(new GateProbe(s.gate)).setParallelism(1).sinkTo(gate);

      JobClient client = env.executeAsync("event-time-oracle");
      try {
        awaitGate(client);
        checkBeforeGate();
        Files.createFile(release);
        client.await(JOB_TIMEOUT);
      } finally {
        if (!client.getJobExecutionResult().isDone()) {
          client.cancel(); // failed before the end: do not leave the held partitions running
        }
      }
      checkAll();
      if (!differences.isEmpty()) {
        throw new AssertionError(String.join("\n", differences));
      }
    }

    private void awaitGate(JobClient client) throws Exception {
      try {
        await().atMost(GATE_TIMEOUT).pollInterval(Duration.ofMillis(5))
            .until(() -> gate.count() > 0 || client.getJobExecutionResult().isDone());
      } catch (ConditionTimeoutException e) {
        throw new AssertionError("The watermark did not reach the gate " + s.gate + " within " + GATE_TIMEOUT
            + ": do idle partitions still hold it back?", e);
      }
      if (gate.count() == 0) {
        client.await(); // the job ended before the gate: throws its failure
        throw new AssertionError("The job ended before the watermark reached the gate " + s.gate);
      }
    }

    private DataStream<Long> window(DataStream<Event> events, Variant v) {
      WindowAssigner<Object, TimeWindow> assigner = switch (v.assigner()) {
        case TUMBLING -> TumblingEventTimeWindows.of(ms(s.tumblingSize), ms(s.tumblingOffset));
        case SLIDING -> SlidingEventTimeWindows.of(ms(s.slidingSize), ms(s.slide), ms(s.slidingOffset));
        case SESSION -> EventTimeSessionWindows.withGap(ms(s.gap));
      };
      DataStream<Fired> results;
      if (v.evaluation() == Evaluation.REDUCE) {
        OutputTag<Partial> lateTag = OutputTag.of("late-" + v.name(), Partial.class);
        results = events.map(Partial::of).keyBy(Partial::key).window(assigner)
            .allowedLateness(ms(v.lateness())).sideOutputLateData(lateTag)
            .reduce(new AddPartials(), new PartialWithWindow());
        collectLate(v, results.getSideOutput(lateTag));
      } else {
        OutputTag<Event> lateTag = OutputTag.of("late-" + v.name(), Event.class);
        WindowedStream<Event, String, TimeWindow> windowed = events.keyBy(Event::key).window(assigner)
            .allowedLateness(ms(v.lateness())).sideOutputLateData(lateTag);
        results = v.evaluation() == Evaluation.AGGREGATE
            ? windowed.aggregate(new Summarize(), new WithWindow())
            : windowed.process(new SummarizeAll());
        collectLate(v, results.getSideOutput(lateTag));
      }
      DataStream<Fired> stamped = results.process(new StampFired());
      fired.put(v, sink());
      stamped.sinkTo(fired.get(v));
      return stamped.map(f -> 0L);
    }

    private <T> void collectLate(Variant v, DataStream<T> lateRecords) {
      CollectingSink<T> sink = sink();
      late.put(v, sink);
      lateRecords.sinkTo(sink);
    }

    /** The late records a variant must emit: a reduce sees each record as its partial summary. */
    private List<?> expectedLate(Variant v, List<Event> late) {
      return v.evaluation() == Evaluation.REDUCE ? late.stream().map(Partial::of).toList() : late;
    }

    private DataStream<Long> join(DataStream<Event> events) {
      OutputTag<Event> leftTag = OutputTag.of("late-left", Event.class);
      OutputTag<Event> rightTag = OutputTag.of("late-right", Event.class);
      IntervalJoined<Event, Event, String> joined = events.filter(EventTimeReference::isLeft).keyBy(Event::key)
          .intervalJoin(events.filter(e -> !EventTimeReference.isLeft(e)).keyBy(Event::key))
          .between(ms(s.joinLower), ms(s.joinUpper))
          .sideOutputLeftLateData(leftTag)
          .sideOutputRightLateData(rightTag);
      joined = s.lowerExclusive ? joined.lowerBoundExclusive() : joined;
      joined = s.upperExclusive ? joined.upperBoundExclusive() : joined;
      DataStream<Pair> result = joined.process(new ToPair());
      result.getSideOutput(leftTag).sinkTo(lateLeft);
      result.getSideOutput(rightTag).sinkTo(lateRight);
      DataStream<Pair> stamped = result.process(new StampPair());
      stamped.sinkTo(pairs);
      return stamped.map(p -> 0L);
    }

    /** Before the release: the windows that end by the gate fired with phase A, and phase A joined. */
    private void checkBeforeGate() {
      for (Variant v : variants(s)) {
        EventTimeReference.Windows expected = expected(v);
        compare(v.name() + ": firings before the gate", expected.beforeGate(), fired.get(v).values());
        compare(v.name() + ": late records before the gate", List.of(), late.get(v).values());
      }
      EventTimeReference.Join join = EventTimeReference.join(s);
      compare("join: pairs before the gate", join.beforeGate(), pairs.values());
      compare("join: late records before the gate", List.of(), lateLeft.values());
      compare("join: late records before the gate", List.of(), lateRight.values());
    }

    private void checkAll() {
      for (Variant v : variants(s)) {
        EventTimeReference.Windows expected = expected(v);
        compareFirings(v.name(), expected.firings(), fired.get(v).values());
        compare(v.name() + ": late records", expectedLate(v, expected.late()), late.get(v).values());
      }
      EventTimeReference.Join join = EventTimeReference.join(s);
      compare("join: pairs", join.pairs(), pairs.values());
      compare("join: late left records", join.lateLeft(), lateLeft.values());
      compare("join: late right records", join.lateRight(), lateRight.values());
    }

    private EventTimeReference.Windows expected(Variant v) {
      return switch (v.assigner()) {
        case TUMBLING -> EventTimeReference.aligned(s, s.tumblingSize, s.tumblingSize, s.tumblingOffset, v.lateness());
        case SLIDING -> EventTimeReference.aligned(s, s.slidingSize, s.slide, s.slidingOffset, v.lateness());
        case SESSION -> EventTimeReference.sessions(s, s.gap, v.lateness());
      };
    }

    /** Records a difference between two multisets, showing a few elements of each side. */
    private void compare(String what, Collection<?> expected, Collection<?> actual) {
      Map<Object, Integer> counts = new HashMap<>();
      expected.forEach(e -> counts.merge(e, 1, Integer::sum));
      actual.forEach(a -> counts.merge(a, -1, Integer::sum));
      List<String> missing = new ArrayList<>();
      List<String> unexpected = new ArrayList<>();
      counts.forEach((value, count) -> {
        for (int i = 0; i < Math.abs(count); i++) {
          (count > 0 ? missing : unexpected).add(String.valueOf(value));
        }
      });
      if (!missing.isEmpty() || !unexpected.isEmpty()) {
        differences.add(what + ": expected " + expected.size() + ", got " + actual.size() + "; missing "
            + missing.size() + " " + shown(missing) + ", unexpected " + unexpected.size() + " " + shown(unexpected));
      }
    }

    /** Records the windows whose sequence of firings differs from the reference's. */
    private void compareFirings(String what, Map<WindowId, List<Fired>> expected, List<Fired> actual) {
      Map<WindowId, List<Fired>> byWindow = new TreeMap<>();
      for (Fired f : actual) {
        byWindow.computeIfAbsent(f.window(), w -> new ArrayList<>()).add(f);
      }
      TreeSet<WindowId> windows = new TreeSet<>(expected.keySet());
      windows.addAll(byWindow.keySet());
      List<String> wrong = new ArrayList<>();
      for (WindowId w : windows) {
        List<Fired> want = expected.getOrDefault(w, List.of());
        List<Fired> got = byWindow.getOrDefault(w, List.of());
        if (!want.equals(got)) {
          wrong.add(w + ": expected " + want + ", got " + got);
        }
      }
      if (!wrong.isEmpty()) {
        differences.add(what + ": " + wrong.size() + " of " + windows.size() + " windows fired differently; "
            + shown(wrong));
      }
    }

    private static String shown(List<String> values) {
      List<String> sorted = new ArrayList<>(values);
      sorted.sort(null);
      return sorted.size() <= SHOWN_DIFFERENCES ? sorted.toString()
          : sorted.subList(0, SHOWN_DIFFERENCES) + " and " + (sorted.size() - SHOWN_DIFFERENCES) + " more";
    }

    @Override
    public void close() throws Exception {
      for (AutoCloseable sink : sinks) {
        sink.close();
      }
    }
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  /**
   * Bounded out-of-orderness watermarks for each partition; a quiet or waking partition marks
   * itself idle after its phase A, and a waking one becomes active again with its next record.
   */
  static final class IdleBetweenPhases implements WatermarkGenerator<Event> {
    private final BoundedOutOfOrdernessWatermarks<Event> watermarks;
    private final Map<Integer, Integer> quietAfter;
    private int seen;
    private boolean idle;

    IdleBetweenPhases(long delay, Map<Integer, Integer> quietAfter) {
      this.watermarks = new BoundedOutOfOrdernessWatermarks<>(Duration.ofMillis(delay));
      this.quietAfter = quietAfter;
    }

    @Override
    public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
      watermarks.onEvent(event, eventTimestamp, output);
      boolean wasIdle = idle;
      idle = ++seen == quietAfter.getOrDefault(event.partition(), -1);
      if (idle) {
        output.markIdle();
      } else if (wasIdle) {
        output.markActive();
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
      if (!idle) {
        watermarks.onPeriodicEmit(output);
      }
    }
  }

  /**
   * Count, timestamp sum and content hash of a window's records. Updates its accumulators in
   * place, {@code merge} included, as Flink's own example of an aggregate function does.
   */
  static final class Summarize implements AggregateFunction<Event, long[], long[]> {
    @Override
    public long[] add(Event e, long[] acc) {
      acc[0]++;
      acc[1] += e.timestamp();
      acc[2] += EventTimeReference.hash(e);
      return acc;
    }

    @Override
    public long[] getResult(long[] acc) {
      return acc.clone();
    }

    @Override
    public long[] createAccumulator() {
      return new long[3];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      for (int i = 0; i < a.length; i++) {
        a[i] += b[i];
      }
      return a;
    }
  }

  static final class WithWindow extends ProcessWindowFunction<long[], Fired, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<long[]> results, Collector<Fired> out) {
      long[] r = results.iterator().next();
      out.collect(new Fired(key, ctx.window().getStart(), ctx.window().getEnd(), r[0], r[1], r[2], Long.MIN_VALUE));
    }
  }

  /** What a reduce combines: the count, timestamp sum and content hash of some records of a key. */
  public record Partial(String key, long count, long sum, long hash) implements Serializable {
    static Partial of(Event e) {
      return new Partial(e.key(), 1, e.timestamp(), EventTimeReference.hash(e));
    }
  }

  static final class AddPartials implements ReduceFunction<Partial> {
    @Override
    public Partial reduce(Partial a, Partial b) {
      return new Partial(a.key(), a.count() + b.count(), a.sum() + b.sum(), a.hash() + b.hash());
    }
  }

  static final class PartialWithWindow extends ProcessWindowFunction<Partial, Fired, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<Partial> reduced, Collector<Fired> out) {
      Partial p = reduced.iterator().next();
      out.collect(new Fired(key, ctx.window().getStart(), ctx.window().getEnd(), p.count(), p.sum(), p.hash(),
          Long.MIN_VALUE));
    }
  }

  /** The same summary as {@link Summarize}, from all elements of the window. */
  static final class SummarizeAll extends ProcessWindowFunction<Event, Fired, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<Event> elements, Collector<Fired> out) {
      List<Event> contents = new ArrayList<>();
      elements.forEach(contents::add);
      Fired f = EventTimeReference.fired(key, ctx.window().getStart(), ctx.window().getEnd(), contents);
      out.collect(new Fired(key, f.start(), f.end(), f.count(), f.sum(), f.hash(), Long.MIN_VALUE));
    }
  }

  /** Puts the timestamp a window result carries into it. */
  static final class StampFired extends ProcessFunction<Fired, Fired> {
    @Override
    public void processElement(Fired f, Context ctx, Collector<Fired> out) {
      out.collect(new Fired(f.key(), f.start(), f.end(), f.count(), f.sum(), f.hash(), timestampOf(ctx)));
    }
  }

  static final class ToPair extends ProcessJoinFunction<Event, Event, Pair> {
    @Override
    public void processElement(Event left, Event right, Context ctx, Collector<Pair> out) {
      out.collect(new Pair(left, right, Long.MIN_VALUE));
    }
  }

  /** Puts the timestamp a joined pair carries into it. */
  static final class StampPair extends ProcessFunction<Pair, Pair> {
    @Override
    public void processElement(Pair p, Context ctx, Collector<Pair> out) {
      out.collect(new Pair(p.left(), p.right(), timestampOf(ctx)));
    }
  }

  private static long timestampOf(ProcessFunction.Context ctx) {
    Long ts = ctx.timestamp();
    return ts == null ? Long.MIN_VALUE : ts;
  }

  /**
   * Emits once its watermark, the minimum over every subtask of every operator under test, has
   * reached the gate.
   */
  static final class GateProbe extends KeyedProcessFunction<Integer, Long, Long> {
    private final long gate;

    GateProbe(long gate) {
      this.gate = gate;
    }

    @Override
    public void processElement(Long value, Context<Integer> ctx, Collector<Long> out) {
      if (ctx.timerService().currentWatermark() >= gate) {
        out.collect(gate);
      } else {
        ctx.timerService().registerEventTimeTimer(gate);
      }
    }

    @Override
    public void onTimer(long time, OnTimerContext<Integer> ctx, Collector<Long> out) {
      out.collect(time);
    }
  }
}
