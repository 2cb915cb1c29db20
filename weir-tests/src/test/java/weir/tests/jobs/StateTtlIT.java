package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.Watermark;
import weir.api.eventtime.WatermarkGenerator;
import weir.api.eventtime.WatermarkOutput;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.StateTtlConfig;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;

/**
 * A keyed process function with event-time TTL state in a whole job: per visit it tells whether
 * the user was seen within the TTL (value state) and how many distinct pages the user opened
 * within it (map state, whose entries expire one by one).
 *
 * <h3>Design of this test</h3>
 * Event-time TTL runs on the watermark an operator has when it touches state, so the test makes
 * that watermark exact: the visits come in order from one source subtask, one generator
 * (parallelism 1) emits, after each visit, a watermark one millisecond behind it, and every keyed
 * subtask gets records and watermarks from that one channel in order. Then visit {@code i} is
 * processed at watermark {@code time(i-1) - 1} on whichever subtask owns its user, and a plain
 * loop over the visits computes what the job must report, whatever the parallelism.
 */
class StateTtlIT {
  private static final long TTL = 100;

  /** A user opening a page at an event time. */
  public record Visit(String user, String page, long time) implements Serializable {}

  /** A watermark after every visit, one millisecond behind it. */
  static final class AfterEveryVisit implements WatermarkGenerator<Visit> {
    @Override
    public void onEvent(Visit visit, long eventTimestamp, WatermarkOutput output) {
      output.emitWatermark(new Watermark(eventTimestamp - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  /**
   * Emits "user@time new|again pages" per visit: "new" when the user's "seen" state expired (or
   * never existed), and the number of distinct pages the user opened within the TTL.
   */
  static final class ReturningUsers extends KeyedProcessFunction<String, Visit, String> {
    private transient ValueState<Boolean> seen;
    private transient MapState<String, Long> pages;

    @Override
    public void open(RuntimeContext ctx) {
      StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMillis(TTL)).useEventTime()
          .cleanupIncrementally(3, true).build();
      ValueStateDescriptor<Boolean> seenDescriptor = new ValueStateDescriptor<>("seen", Boolean.class);
      seenDescriptor.enableTimeToLive(ttl);
      seen = ctx.getState(seenDescriptor);
      MapStateDescriptor<String, Long> pagesDescriptor = new MapStateDescriptor<>("pages", String.class, Long.class);
      pagesDescriptor.enableTimeToLive(ttl);
      pages = ctx.getMapState(pagesDescriptor);
    }

    @Override
    public void processElement(Visit visit, Context<String> ctx, Collector<String> out) throws Exception {
      pages.put(visit.page(), visit.time());
      int distinct = 0;
      for (String ignored : pages.keys()) {
        distinct++;
      }
      out.collect(visit.user() + "@" + visit.time() + (seen.value() == null ? " new " : " again ") + distinct);
      seen.update(true);
    }
  }

  private static List<Visit> visits(int count, long seed) {
    Random random = new Random(seed);
    List<Visit> visits = new ArrayList<>();
    long time = 1_000;
    for (int i = 0; i < count; i++) {
      time += random.nextInt(8);
      visits.add(new Visit("user-" + random.nextInt(23), "/page/" + random.nextInt(5), time));
    }
    return visits;
  }

  /** What the job must report: the TTL rules applied in order, at the watermark each visit meets. */
  private static List<String> expected(List<Visit> visits) {
    Map<String, Long> lastSeen = new HashMap<>();
    Map<String, Map<String, Long>> pagesPut = new HashMap<>();
    long first = Long.MIN_VALUE;
    List<String> out = new ArrayList<>();
    long watermark = Long.MIN_VALUE;
    for (Visit v : visits) {
      if (first == Long.MIN_VALUE && watermark != Long.MIN_VALUE) {
        first = watermark;
      }
      Map<String, Long> pages = pagesPut.computeIfAbsent(v.user(), u -> new HashMap<>());
      pages.put(v.page(), watermark);
      long firstWatermark = first;
      long now = watermark;
      long distinct = pages.values().stream().filter(at -> !expired(at, firstWatermark, now)).count();
      Long seen = lastSeen.get(v.user());
      boolean isNew = seen == null || expired(seen, first, watermark);
      out.add(v.user() + "@" + v.time() + (isNew ? " new " : " again ") + distinct);
      lastSeen.put(v.user(), watermark);
      // the generator's watermark after this visit; it only ever moves forward
      watermark = Math.max(watermark, v.time() - 1);
    }
    return out;
  }

  private static boolean expired(long lastAccess, long firstWatermark, long now) {
    return Math.max(lastAccess, firstWatermark) + TTL <= now;
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_usersComeAndGo_then_visitsAreReportedExactlyWhenEventTimeTtlStateExpired(int parallelism)
      throws Exception {
    List<Visit> visits = visits(3_000, 42);
    List<String> expected = expected(visits);
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);

    List<String> reported = env.fromElements(visits.toArray(new Visit[0]))
        .setParallelism(1) // in order
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Visit>forGenerator(ctx -> new AfterEveryVisit())
            .withTimestampAssigner((visit, ts) -> visit.time()))
        .setParallelism(1)
        .keyBy(Visit::user)
        .process(new ReturningUsers())
        .executeAndCollectAll();

    assertThat(expected).as("the scenario has users returning after the TTL and within it")
        .anyMatch(line -> line.contains(" new ")).anyMatch(line -> line.contains(" again "))
        .anyMatch(line -> line.endsWith(" 1")).anyMatch(line -> line.endsWith(" 3"));
    assertThat(reported).hasSameSizeAs(expected);
    List<String> missing = new ArrayList<>(expected);
    reported.forEach(missing::remove);
    assertThat(missing).as("expected but not reported").isEmpty();
  }
}
