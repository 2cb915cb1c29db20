package weir.tests.jobs;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.AggregateFunction;
import weir.api.functions.Collector;
import weir.api.functions.ReduceFunction;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.SlidingEventTimeWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.functions.ProcessAllWindowFunction;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.windows.TimeWindow;
import weir.tests.support.CollectingSink;
import weir.tests.support.PartitionedSource;
import weir.tests.support.PartitionedSource.Event;
import weir.tests.support.PartitionedSource.Partition;

/**
 * Window jobs at several parallelisms, each compared with the same windows computed in plain
 * Java. Records come in bursts (every 400 ms of event time, spread over 150 ms and shuffled within
 * a burst), so they are out of order but within the watermark's bound: no record is late, and
 * every window's result is exact.
 */
class WindowIT {
  private static final int PARTITIONS = 6;
  private static final int EVENTS_PER_PARTITION = 600;
  private static final int KEYS = 10;
  private static final long BURST_EVERY = 400;
  private static final long BURST_SPREAD = 150;
  private static final WatermarkStrategy<Event> EVENT_TIME =
      WatermarkStrategy.<Event>forBoundedOutOfOrderness(ofMillis(200)).withTimestampAssigner((e, ts) -> e.timestamp());

  /** Counts records, in an accumulator that is the count itself. */
  static final class Count implements AggregateFunction<Event, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Event event, Long count) {
      return count + 1;
    }

    @Override
    public Long getResult(Long count) {
      return count;
    }

    @Override
    public Long merge(Long count, Long other) {
      return count + other;
    }
  }

  /** Keeps the latest record. */
  static final class Latest implements ReduceFunction<Event> {
    @Override
    public Event reduce(Event a, Event b) {
      return a.timestamp() >= b.timestamp() ? a : b;
    }
  }

  /** Emits {@code "key start..end value"} for the one value of a window. */
  static final class Labeled<V> extends ProcessWindowFunction<V, String, String, TimeWindow> {
    @Override
    public void process(String key, Context context, Iterable<V> values, Collector<String> out) {
      V value = values.iterator().next();
      Object shown = value instanceof Event e ? e.timestamp() : value;
      out.collect(label(key, context.window().getStart(), context.window().getEnd(), shown));
    }
  }

  /** Emits {@code "* start..end count"} with the number of all records of a window. */
  static final class CountAll extends ProcessAllWindowFunction<Event, String, TimeWindow> {
    @Override
    public void process(Context context, Iterable<Event> elements, Collector<String> out) {
      long n = 0;
      for (Event ignored : elements) {
        n++;
      }
      out.collect(label("*", context.window().getStart(), context.window().getEnd(), n));
    }
  }

  private static String label(String key, long start, long end, Object value) {
    return key + " " + start + ".." + end + " " + value;
  }

  private static List<Event> events() {
    Random random = new Random(42);
    List<Event> all = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      List<Event> partition = new ArrayList<>();
      for (int i = 0; i < EVENTS_PER_PARTITION; i++) {
        long burst = i / 50;
        partition.add(new Event("k" + random.nextInt(KEYS), burst * BURST_EVERY + random.nextInt((int) BURST_SPREAD), p));
      }
      // out of order within each burst of 50 only
      for (int from = 0; from < partition.size(); from += 50) {
        Collections.shuffle(partition.subList(from, from + 50), random);
      }
      all.addAll(partition);
    }
    return all;
  }

  private static List<Partition> partitions(List<Event> events) {
    Map<Integer, List<Event>> byPartition = events.stream().collect(Collectors.groupingBy(Event::partition));
    List<Partition> partitions = new ArrayList<>();
    byPartition.forEach((index, list) -> partitions.add(new Partition(index, list, null)));
    return partitions;
  }

  private static Map<String, List<Long>> timestampsByKey(List<Event> events) {
    Map<String, List<Long>> byKey = new TreeMap<>();
    for (Event e : events) {
      byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.timestamp());
    }
    byKey.values().forEach(Collections::sort);
    return byKey;
  }

  /** Per key and window of {@code size} starting every {@code slide}: the count, or the latest timestamp. */
  private static List<String> expectedSliding(List<Event> events, long size, long slide, boolean latest) {
    List<String> expected = new ArrayList<>();
    timestampsByKey(events).forEach((key, stamps) -> {
      Map<Long, List<Long>> byStart = new TreeMap<>();
      for (long t : stamps) {
        for (long start = t - Math.floorMod(t, slide); start > t - size; start -= slide) {
          byStart.computeIfAbsent(start, s -> new ArrayList<>()).add(t);
        }
      }
      byStart.forEach((start, inWindow) -> expected.add(label(key, start, start + size,
          latest ? Collections.max(inWindow) : (Object) (long) inWindow.size())));
    });
    return expected;
  }

  /** Per key, sessions of records at most {@code gap} apart (touching windows merge): their counts. */
  private static List<String> expectedSessions(List<Event> events, long gap) {
    List<String> expected = new ArrayList<>();
    timestampsByKey(events).forEach((key, stamps) -> {
      long start = stamps.get(0);
      long count = 0;
      long last = start;
      for (long t : stamps) {
        if (t > last + gap) {
          expected.add(label(key, start, last + gap, count));
          start = t;
          count = 0;
        }
        count++;
        last = t;
      }
      expected.add(label(key, start, last + gap, count));
    });
    return expected;
  }

  private static List<String> expectedAll(List<Event> events, long size) {
    Map<Long, Long> counts = events.stream()
        .collect(Collectors.groupingBy(e -> e.timestamp() - Math.floorMod(e.timestamp(), size), TreeMap::new,
            Collectors.counting()));
    List<String> expected = new ArrayList<>();
    counts.forEach((start, n) -> expected.add(label("*", start, start + size, n)));
    return expected;
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_event_time_windows_run_in_parallel_then_every_window_holds_exactly_its_records(int parallelism)
      throws Exception {
    List<Event> events = events();
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.getConfig().setAutoWatermarkInterval(ofMillis(1));
    try (var tumbling = new CollectingSink<String>();
         var sliding = new CollectingSink<String>();
         var sessions = new CollectingSink<String>();
         var all = new CollectingSink<String>()) {
      DataStream<Event> input = env.fromSource(new PartitionedSource(partitions(events)), EVENT_TIME, "events");
      input.keyBy(Event::key).window(TumblingEventTimeWindows.of(ofMillis(100)))
          .aggregate(new Count(), new Labeled<>()).sinkTo(tumbling);
      input.keyBy(Event::key).window(SlidingEventTimeWindows.of(ofMillis(100), ofMillis(25)))
          .reduce(new Latest(), new Labeled<>()).sinkTo(sliding);
      input.keyBy(Event::key).window(EventTimeSessionWindows.withGap(ofMillis(100)))
          .aggregate(new Count(), new Labeled<>()).sinkTo(sessions);
      input.windowAll(TumblingEventTimeWindows.of(ofMillis(1000))).process(new CountAll()).sinkTo(all);
      env.execute("windows");

      assertThat(tumbling.values()).containsExactlyInAnyOrderElementsOf(expectedSliding(events, 100, 100, false));
      assertThat(sliding.values()).containsExactlyInAnyOrderElementsOf(expectedSliding(events, 100, 25, true));
      assertThat(sessions.values()).containsExactlyInAnyOrderElementsOf(expectedSessions(events, 100));
      assertThat(all.values()).containsExactlyInAnyOrderElementsOf(expectedAll(events, 1000));
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_timestamps_are_assigned_mid_stream_then_windows_fire_by_those_watermarks(int parallelism)
      throws Exception {
    List<Event> events = events().subList(0, EVENTS_PER_PARTITION);
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    List<String> counts = env.fromData(events)
        .assignTimestampsAndWatermarks(EVENT_TIME)
        .keyBy(Event::key)
        .window(SlidingEventTimeWindows.of(ofMillis(200), ofMillis(100)))
        .aggregate(new Count(), new Labeled<>())
        .executeAndCollectAll();
    assertThat(counts).containsExactlyInAnyOrderElementsOf(expectedSliding(events, 200, 100, false));
  }
}
