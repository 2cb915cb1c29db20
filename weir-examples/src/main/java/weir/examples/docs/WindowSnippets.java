package weir.examples.docs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import weir.api.datastream.DataStream;
import weir.api.datastream.OutputTag;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.AggregateFunction;
import weir.api.functions.Collector;
import weir.api.functions.ProcessJoinFunction;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.SlidingEventTimeWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.windows.TimeWindow;
import weir.examples.docs.EventTimeSnippets.Click;

/**
 * The window and join code shown in {@code docs/event-time.md}; each region appears verbatim in
 * the document (a test checks it), and each method runs.
 */
public final class WindowSnippets {
  private WindowSnippets() {}

  // [START count-aggregate]
  /** Counts records; the accumulator is the count so far. */
  public static final class Count<T> implements AggregateFunction<T, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(T value, Long count) {
      return count + 1;
    }

    @Override
    public Long getResult(Long count) {
      return count;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** Adds the page and the window's end to the count. */
  public static final class PageCount extends ProcessWindowFunction<Long, String, String, TimeWindow> {
    @Override
    public void process(String page, Context ctx, Iterable<Long> counts, Collector<String> out) {
      out.collect(page + " until " + ctx.window().getEnd() + ": " + counts.iterator().next());
    }
  }
  // [END count-aggregate]

  /** Clicks per page in each minute, and how many clicks came too late. */
  public static List<String> tumbling(int clicks) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    DataStream<Click> stream = EventTimeSnippets.clicks(env, clicks);
    // [START tumbling]
    OutputTag<Click> late = OutputTag.of("late-clicks", Click.class);
    DataStream<String> perMinute = stream
        .keyBy(Click::page)
        .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
        .allowedLateness(Duration.ofSeconds(10))
        .sideOutputLateData(late)
        .aggregate(new Count<>(), new PageCount());
    DataStream<Click> tooLate = perMinute.getSideOutput(late);
    // [END tumbling]
    tooLate.print("late");
    return perMinute.executeAndCollectAll();
  }

  /** Clicks per page over the last minute, every ten seconds. */
  public static List<String> sliding(int clicks) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    DataStream<Click> stream = EventTimeSnippets.clicks(env, clicks);
    // [START sliding]
    DataStream<String> lastMinute = stream
        .keyBy(Click::page)
        .window(SlidingEventTimeWindows.of(Duration.ofMinutes(1), Duration.ofSeconds(10)))
        .aggregate(new Count<>(), new PageCount());
    // [END sliding]
    return lastMinute.executeAndCollectAll();
  }

  /** Visits: a user's clicks until a 30 s pause. */
  public static List<String> sessions(int clicks) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    DataStream<Click> stream = EventTimeSnippets.clicks(env, clicks);
    // [START sessions]
    DataStream<String> visits = stream
        .keyBy(Click::user)
        .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(30)))
        .process(new ProcessWindowFunction<Click, String, String, TimeWindow>() {
          @Override
          public void process(String user, Context ctx, Iterable<Click> clicks, Collector<String> out) {
            List<String> pages = new ArrayList<>();
            clicks.forEach(click -> pages.add(click.page()));
            out.collect(user + " visited " + pages.size() + " pages in "
                + (ctx.window().getEnd() - ctx.window().getStart()) + " ms");
          }
        });
    // [END sessions]
    return visits.executeAndCollectAll();
  }

  /** Each click joined with the clicks of the same user in the 500 ms before it. */
  public static List<String> intervalJoin(int clicks) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    DataStream<Click> left = EventTimeSnippets.clicks(env, clicks);
    DataStream<Click> right = EventTimeSnippets.clicks(env, clicks);
    // [START interval-join]
    DataStream<String> pairs = left.keyBy(Click::user)
        .intervalJoin(right.keyBy(Click::user))
        .between(Duration.ofMillis(-500), Duration.ZERO)
        .upperBoundExclusive()
        .process(new ProcessJoinFunction<Click, Click, String>() {
          @Override
          public void processElement(Click click, Click before, Context ctx, Collector<String> out) {
            out.collect(click.page() + " after " + before.page());
          }
        });
    // [END interval-join]
    return pairs.executeAndCollectAll();
  }

  /** Pairs of clicks of the same user on the same page within each ten-second window. */
  public static List<String> windowJoin(int clicks) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    DataStream<Click> left = EventTimeSnippets.clicks(env, clicks);
    DataStream<Click> right = EventTimeSnippets.clicks(env, clicks);
    // [START window-join]
    DataStream<String> samePage = left.join(right)
        .where(Click::user)
        .equalTo(Click::user)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
        .apply((a, b) -> a.user() + ": " + a.page() + " and " + b.page());
    // [END window-join]
    return samePage.executeAndCollectAll();
  }
}
