package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.AggregateFunction;
import weir.api.functions.Collector;
import weir.api.windowing.assigners.SlidingEventTimeWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.assigners.WindowAssigner;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.windows.TimeWindow;
import weir.tests.support.PartitionedSource;
import weir.tests.support.PartitionedSource.Event;
import weir.tests.support.PartitionedSource.Partition;

/**
 * Tumbling and sliding event-time windows with an aggregate, which run on shared slices, give
 * exactly the per-window results a brute-force evaluation of every window gives.
 */
class SlicedWindowIT {
  /** A window's result: key, bounds, record count and timestamp sum. */
  public record Result(String key, long start, long end, long count, long sum) implements Serializable {}

  /** Counts records and sums their timestamps: a merge that only a correct slice combination keeps. */
  static final class CountAndSum implements AggregateFunction<Event, long[], long[]> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Event e, long[] acc) {
      return new long[] {acc[0] + 1, acc[1] + e.timestamp()};
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

  static final class WithWindow extends ProcessWindowFunction<long[], Result, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<long[]> results, Collector<Result> out) {
      long[] r = results.iterator().next();
      out.collect(new Result(key, ctx.window().getStart(), ctx.window().getEnd(), r[0], r[1]));
    }
  }

  @ParameterizedTest(name = "size {0}, slide {1}, offset {2}, parallelism {3}")
  @CsvSource({"1000,250,0,1", "1000,250,0,2", "1000,300,50,4", "700,700,0,2", "700,700,-100,1", "1000,1000,0,4"})
  void when_records_are_out_of_order_then_every_window_equals_the_brute_force_result(long size, long slide,
      long offset, int parallelism) throws Exception {
    Random random = new Random(size * 31 + slide * 7 + offset + parallelism);
    List<Partition> partitions = new ArrayList<>();
    List<Event> all = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < 1_500; i++) {
        events.add(new Event("k" + random.nextInt(13), i * 7L + random.nextInt(200) - 5_000, p));
      }
      partitions.add(new Partition(p, events, null));
      all.addAll(events);
    }
    WindowAssigner<Object, TimeWindow> assigner = size == slide
        ? TumblingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(offset))
        : SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide), Duration.ofMillis(offset));
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.getConfig().setAutoWatermarkInterval(Duration.ofMillis(1));
    List<Result> results = env.fromSource(new PartitionedSource(partitions),
            WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(200))
                .withTimestampAssigner((e, ts) -> e.timestamp()), "events")
        .keyBy(Event::key)
        .window(assigner)
        .aggregate(new CountAndSum(), new WithWindow())
        .executeAndCollectAll();

    assertThat(results).containsExactlyInAnyOrderElementsOf(bruteForce(all, size, slide, offset));
  }

  private static List<Result> bruteForce(List<Event> events, long size, long slide, long offset) {
    Map<String, long[]> windows = new TreeMap<>();
    for (Event e : events) {
      long lastStart = TimeWindow.getWindowStartWithOffset(e.timestamp(), offset, slide);
      for (long start = lastStart; start > e.timestamp() - size; start -= slide) {
        long[] acc = windows.computeIfAbsent(e.key() + "|" + start, k -> new long[2]);
        acc[0]++;
        acc[1] += e.timestamp();
      }
    }
    List<Result> expected = new ArrayList<>();
    windows.forEach((k, acc) -> {
      String[] parts = k.split("\\|");
      long start = Long.parseLong(parts[1]);
      expected.add(new Result(parts[0], start, start + size, acc[0], acc[1]));
    });
    return expected;
  }
}
