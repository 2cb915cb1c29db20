package weir.examples.docs;

import java.time.Duration;
import java.util.List;
import weir.api.connector.source.lib.DataGeneratorSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;

/**
 * The code shown in {@code docs/event-time.md}: each region between {@code [START name]} and
 * {@code [END name]} appears verbatim in the document (a test checks it), and each method runs.
 */
public final class EventTimeSnippets {
  /** A click on a page by a user at an event time. */
  public record Click(String user, String page, long time) {}

  private EventTimeSnippets() {}

  /** Clicks of a few users, about 10 per second of event time, up to 2 s out of order. */
  static DataStream<Click> clicks(StreamExecutionEnvironment env, int count) {
    // [START source-watermarks]
    DataStream<Click> clicks = env.fromSource(
        new DataGeneratorSource<>(i -> new Click("user-" + i % 7, "/page/" + i % 3, i * 100 - (i * 7919) % 2000),
            count),
        WatermarkStrategy.<Click>forBoundedOutOfOrderness(Duration.ofSeconds(2))
            .withTimestampAssigner((click, recordTimestamp) -> click.time())
            .withIdleness(Duration.ofMinutes(1)),
        "clicks");
    // [END source-watermarks]
    return clicks;
  }

  // [START timers]
  /** Emits "user: n clicks" once a user has been quiet for 30 s of event time. */
  public static final class QuietUsers extends KeyedProcessFunction<String, Click, String> {
    private transient ValueState<Long> count;
    private transient ValueState<Long> deadline;

    @Override
    public void open(RuntimeContext ctx) {
      count = ctx.getState(new ValueStateDescriptor<>("count", Long.class));
      deadline = ctx.getState(new ValueStateDescriptor<>("deadline", Long.class));
    }

    @Override
    public void processElement(Click click, Context<String> ctx, Collector<String> out) throws Exception {
      Long n = count.value();
      count.update(n == null ? 1 : n + 1);
      Long old = deadline.value();
      if (old != null) {
        ctx.timerService().deleteEventTimeTimer(old);
      }
      long next = Math.max(old == null ? Long.MIN_VALUE : old, click.time() + 30_000);
      deadline.update(next);
      ctx.timerService().registerEventTimeTimer(next);
    }

    @Override
    public void onTimer(long time, OnTimerContext<String> ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + ": " + count.value() + " clicks");
      count.clear();
      deadline.clear();
    }
  }
  // [END timers]

  /** Runs the timer example on a bounded stream; the end of input fires the last timers. */
  public static List<String> quietUsers(int clicks) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    return clicks(env, clicks)
        .keyBy(Click::user)
        .process(new QuietUsers())
        .executeAndCollectAll();
  }
}
