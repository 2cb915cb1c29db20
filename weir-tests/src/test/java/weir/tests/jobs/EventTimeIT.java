package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.Watermark;
import weir.api.eventtime.WatermarkGenerator;
import weir.api.eventtime.WatermarkOutput;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.functions.RuntimeContext;
import weir.api.tuple.Tuple3;
import weir.tests.support.CollectingSink;
import weir.tests.support.PartitionedSource;
import weir.tests.support.PartitionedSource.Event;
import weir.tests.support.PartitionedSource.Partition;

/** Watermarks from sources and mid-stream, through exchanges, driving event-time timers. */
class EventTimeIT {
  /** A punctuated generator: the watermark follows every record (timestamps ascend per split). */
  static final class EveryEvent implements WatermarkGenerator<Event> {
    @Override
    public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
      output.emitWatermark(new Watermark(eventTimestamp - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  /** Emits "late" for each record at or behind the subtask's watermark when it arrives. */
  static final class LateDetector extends KeyedProcessFunction<String, Event, String> {
    @Override
    public void processElement(Event e, Context<String> ctx, Collector<String> out) {
      out.collect(ctx.timestamp() <= ctx.timerService().currentWatermark() ? "late" : "on time");
    }
  }

  private static List<Partition> fastAndSlowPartition() {
    long[] fast = new long[1001];
    long[] slow = new long[101];
    for (int i = 0; i < fast.length; i++) {
      fast[i] = i * 10L;
    }
    for (int i = 0; i < slow.length; i++) {
      slow[i] = i;
    }
    return List.of(PartitionedSource.partition(0, "fast", fast), PartitionedSource.partition(1, "slow", slow));
  }

  @Test
  void when_watermarks_are_generated_per_split_then_a_split_that_is_behind_holds_them_back() throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    WatermarkStrategy<Event> strategy = WatermarkStrategy.forGenerator(ctx -> new EveryEvent());
    List<String> verdicts = env.fromSource(new PartitionedSource(fastAndSlowPartition()),
            strategy.withTimestampAssigner((e, ts) -> e.timestamp()), "partitions")
        .keyBy(Event::key)
        .process(new LateDetector())
        .executeAndCollectAll();
    assertThat(verdicts).hasSize(1102).containsOnly("on time");
  }

  @Test
  void when_one_generator_sees_all_splits_mid_stream_then_records_of_the_slow_split_are_late() throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    List<String> verdicts = env.fromSource(new PartitionedSource(fastAndSlowPartition()), "partitions")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forGenerator(ctx -> new EveryEvent())
            .withTimestampAssigner((e, ts) -> e.timestamp()))
        .keyBy(Event::key)
        .process(new LateDetector())
        .executeAndCollectAll();
    // the contrast to the test above: a single generator runs ahead with the fast split
    assertThat(verdicts).hasSize(1102).contains("late");
  }

  /**
   * Keeps each key's records and sets an event-time timer at the end of each record's 100 ms
   * bucket; a firing timer reports how many of the key's records are at or before its time.
   */
  static final class CountUpTo extends KeyedProcessFunction<String, Event, Tuple3<String, Long, Integer>> {
    private transient ListState<Long> seen;

    @Override
    public void open(RuntimeContext ctx) {
      seen = ctx.getListState(new ListStateDescriptor<>("seen", Long.class));
    }

    @Override
    public void processElement(Event e, Context<String> ctx, Collector<Tuple3<String, Long, Integer>> out)
        throws Exception {
      if (e.timestamp() <= ctx.timerService().currentWatermark()) {
        throw new IllegalStateException("record " + e + " is late: watermark " + ctx.timerService().currentWatermark());
      }
      seen.add(e.timestamp());
      ctx.timerService().registerEventTimeTimer(e.timestamp() / 100 * 100 + 99);
    }

    @Override
    public void onTimer(long time, OnTimerContext<String> ctx, Collector<Tuple3<String, Long, Integer>> out)
        throws Exception {
      int count = 0;
      for (long t : seen.get()) {
        if (t <= time) {
          count++;
        }
      }
      out.collect(new Tuple3<>(ctx.getCurrentKey(), time, count));
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_records_are_out_of_order_within_the_bound_then_every_timer_sees_all_earlier_records(int parallelism)
      throws Exception {
    Random random = new Random(parallelism);
    List<Partition> partitions = new ArrayList<>();
    Map<String, List<Long>> byKey = new HashMap<>();
    for (int p = 0; p < 6; p++) {
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        String key = "k" + random.nextInt(20);
        // at most 50 ms behind the split's highest timestamp: within the 50 ms bound
        long ts = i * 3L + random.nextInt(50);
        events.add(new Event(key, ts, p));
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(ts);
      }
      partitions.add(new Partition(p, events, null));
    }
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.getConfig().setAutoWatermarkInterval(Duration.ofMillis(1));
    try (var sink = new CollectingSink<Tuple3<String, Long, Integer>>()) {
      env.fromSource(new PartitionedSource(partitions),
              WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(50))
                  .withTimestampAssigner((e, ts) -> e.timestamp()), "partitions")
          .keyBy(Event::key)
          .process(new CountUpTo())
          .sinkTo(sink);
      env.execute("timers");

      List<Tuple3<String, Long, Integer>> expected = new ArrayList<>();
      byKey.forEach((key, stamps) -> stamps.stream().map(t -> t / 100 * 100 + 99).distinct().forEach(time ->
          expected.add(new Tuple3<>(key, time, (int) stamps.stream().filter(t -> t <= time).count()))));
      assertThat(sink.values()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  @Timeout(60)
  void when_a_split_is_idle_then_it_stops_holding_back_timers_until_it_ends(@TempDir Path dir) throws Exception {
    Path release = dir.resolve("release");
    long[] busy = new long[200];
    for (int i = 0; i < busy.length; i++) {
      busy[i] = i * 10L;
    }
    List<Partition> partitions = List.of(
        PartitionedSource.partition(0, "busy", busy),
        // one early record, then quiet until the test releases it
        PartitionedSource.partition(1, release, "quiet", 0));
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    env.getConfig().setAutoWatermarkInterval(Duration.ofMillis(5));
    var stream = env.fromSource(new PartitionedSource(partitions),
            WatermarkStrategy.<Event>forMonotonousTimestamps()
                .withTimestampAssigner((e, ts) -> e.timestamp())
                .withIdleness(Duration.ofMillis(50)), "partitions")
        .keyBy(Event::key)
        .process(new CountUpTo())
        .setParallelism(1);
    List<Tuple3<String, Long, Integer>> firstFirings = new ArrayList<>();
    try (var it = stream.executeAndCollect()) {
      // without idleness nothing would fire before the quiet split ends, and this would time out
      firstFirings.add(it.next());
      Files.createFile(release);
      it.forEachRemaining(firstFirings::add);
    }
    assertThat(firstFirings).contains(new Tuple3<>("busy", 1999L, 200), new Tuple3<>("quiet", 99L, 1));
  }

  /** Watermarks follow each record; a split declares itself idle after its last record, 150 or 250. */
  static final class IdleAtTheEnd implements WatermarkGenerator<Event> {
    @Override
    public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
      output.emitWatermark(new Watermark(eventTimestamp - 1));
      if (eventTimestamp == 150 || eventTimestamp == 250) {
        output.markIdle();
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void when_every_split_is_idle_as_the_input_ends_then_the_end_of_input_still_fires_every_timer(int parallelism)
      throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    List<Tuple3<String, Long, Integer>> result = env.fromSource(new PartitionedSource(List.of(
                PartitionedSource.partition(0, "a", 10, 20, 150),
                PartitionedSource.partition(1, "b", 30, 250))),
            WatermarkStrategy.<Event>forGenerator(ctx -> new IdleAtTheEnd())
                .withTimestampAssigner((e, ts) -> e.timestamp()), "partitions")
        .keyBy(Event::key)
        .process(new CountUpTo())
        .executeAndCollectAll();
    assertThat(result).containsExactlyInAnyOrder(
        new Tuple3<>("a", 99L, 2), new Tuple3<>("a", 199L, 3), new Tuple3<>("b", 99L, 1), new Tuple3<>("b", 299L, 2));
  }

  @Test
  void when_timestamps_are_assigned_mid_stream_then_timers_fire_and_the_end_of_input_fires_the_rest()
      throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    List<Tuple3<String, Long, Integer>> result = env.fromElements(
            new Event("a", 150, 0), new Event("a", 120, 0), new Event("b", 5, 0), new Event("a", 260, 0))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(100))
            .withTimestampAssigner((e, ts) -> e.timestamp()))
        .keyBy(Event::key)
        .process(new CountUpTo())
        .executeAndCollectAll();
    assertThat(result).containsExactlyInAnyOrder(
        new Tuple3<>("a", 199L, 2), new Tuple3<>("a", 299L, 3), new Tuple3<>("b", 99L, 1));
  }
}
