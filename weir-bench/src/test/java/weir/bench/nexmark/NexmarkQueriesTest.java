package weir.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.connector.source.lib.DataGeneratorSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.CloseableIterator;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.typeinfo.TypeInfo;

/**
 * The quick tier of the Nexmark suite: every query runs on 10k events on both engines at
 * parallelism 2, and the digests of their results are equal; q10's result is the files it wrote.
 * q12's results depend on processing time and are checked on each engine alone.
 */
class NexmarkQueriesTest {
  private static final long EVENTS = 10_000;
  // longer than the events' whole span: no event is late on either engine, however each engine
  // hands its index ranges to its readers
  private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(60);
  // 300 events per second of event time: the 10k events span 33 s, four windows of q7
  private static final NexmarkModel MODEL = new NexmarkModel(NexmarkModel.Config.defaults(7, 300));
  // q10: 50 events per second, so the 10k events span 200 s from 22:13:20 UTC: four minutes, four
  // partitions
  private static final NexmarkModel Q10_MODEL = new NexmarkModel(NexmarkModel.Config.defaults(7, 50));
  // q12: events per second of wall-clock time, and its windows in the test
  private static final int Q12_PACE = 40_000;
  private static final Duration Q12_WINDOW = Duration.ofMillis(25);

  static Stream<NexmarkQuery> queriesOfRows() {
    return Arrays.stream(NexmarkQuery.values()).filter(q -> q.digested() && !q.writesFiles());
  }

  @ParameterizedTest
  @MethodSource("queriesOfRows")
  void when_a_query_runs_on_both_engines_then_their_results_have_the_same_digest(NexmarkQuery query) throws Exception {
    List<Object> weir = runWeir(query);
    List<Object> flink = runFlink(query);
    assertThat(weir).isNotEmpty();
    if (query == NexmarkQuery.Q7) {
      assertThat(weir.stream().map(r -> ((Results.HighestBid) r).windowEnd()).distinct()).hasSize(4);
    }
    assertThat(query.digest(weir)).isEqualTo(query.digest(flink));
  }

  /**
   * Both engines' file sinks commit only at completed checkpoints and at the end of input: with
   * checkpoints the last files are committed by the checkpoint after the end of input, without
   * them at the end of input itself. Either way every bid is in exactly one committed file.
   */
  @ParameterizedTest(name = "checkpoints {0}")
  @ValueSource(booleans = {false, true})
  void when_q10_writes_bids_to_partitioned_files_then_both_engines_commit_the_same_rows(boolean checkpoints,
      @TempDir Path dir) throws Exception {
    Path weirDir = dir.resolve("weir");
    StreamExecutionEnvironment weirEnv = weirEnvironment();
    if (checkpoints) {
      weirEnv.enableCheckpointing(Duration.ofMillis(50));
    }
    NexmarkQuery.Q10.weirToFiles(weirEvents(weirEnv, Q10_MODEL), weirDir);
    weirEnv.execute("q10");

    Path flinkDir = dir.resolve("flink");
    org.apache.flink.streaming.api.environment.StreamExecutionEnvironment flinkEnv = flinkEnvironment();
    if (checkpoints) {
      flinkEnv.enableCheckpointing(50);
    }
    NexmarkQuery.Q10.flinkToFiles(flinkEvents(flinkEnv, Q10_MODEL), flinkDir);
    flinkEnv.execute("q10");

    List<String> weir = Queries.q10Rows(weirDir);
    List<String> flink = Queries.q10Rows(flinkDir);
    long bids = LongStream.range(0, EVENTS).filter(i -> NexmarkModel.kindOf(i) == NexmarkEvent.Kind.BID).count();
    assertThat(weir).hasSize((int) bids);
    assertThat(weir.stream().map(row -> row.substring(0, "yyyy-MM-dd/HH:mm".length())).distinct())
        .containsExactlyInAnyOrder("2023-11-14/22:13", "2023-11-14/22:14", "2023-11-14/22:15", "2023-11-14/22:16");
    assertThat(NexmarkQuery.Q10.digest(weir)).isEqualTo(NexmarkQuery.Q10.digest(flink));
  }

  /**
   * q12 counts in processing time, so its rows differ from run to run and are not compared
   * between the engines. Each engine counts the 10k events read at 40,000 per second (250 ms), in
   * windows of 25 ms instead of 10 s, so that windows close while the events flow. Every row
   * must be a whole window that closed before the job ended, each window of a bidder must fire
   * once, and no bid may be counted twice: per bidder, the counts add up to at most the bidder's
   * bids. Not to all of them: neither engine fires the processing-time windows still open at the
   * end of input, so their bids are not counted (bench/README.md, q12).
   */
  @Test
  void when_q12_counts_bids_in_processing_time_windows_then_each_closed_window_is_whole_and_no_bid_counts_twice()
      throws Exception {
    Map<Long, Long> bids = LongStream.range(0, EVENTS).mapToObj(MODEL::event).filter(e -> e.bid() != null)
        .collect(Collectors.groupingBy(e -> e.bid().bidder(), Collectors.counting()));

    long start = System.currentTimeMillis();
    StreamExecutionEnvironment weirEnv = weirEnvironment();
    List<Object> weir = collect(WeirQueries.q12Windows(weirEnv.fromSource(
        new DataGeneratorSource<>(MODEL::event, EVENTS, Q12_PACE), TypeInfo.of(NexmarkEvent.class), "nexmark"),
        Q12_WINDOW));
    checkQ12(weir, start, System.currentTimeMillis(), bids);

    start = System.currentTimeMillis();
    org.apache.flink.streaming.api.environment.StreamExecutionEnvironment flinkEnv = flinkEnvironment();
    List<Object> flink = collect(FlinkQueries.q12Windows(flinkEnv.fromSource(
        new org.apache.flink.connector.datagen.source.DataGeneratorSource<>(MODEL::event, EVENTS,
            RateLimiterStrategy.perSecond(Q12_PACE), TypeInformation.of(NexmarkEvent.class)),
        org.apache.flink.api.common.eventtime.WatermarkStrategy.noWatermarks(), "nexmark"), Q12_WINDOW));
    checkQ12(flink, start, System.currentTimeMillis(), bids);
  }

  /** Checks one engine's q12 rows of a run between {@code start} and {@code end} (wall clock). */
  private static void checkQ12(List<Object> rows, long start, long end, Map<Long, Long> bids) {
    long size = Q12_WINDOW.toMillis();
    // the first windows close 25 ms into the 250 ms of reading
    assertThat(rows).isNotEmpty();
    Map<Long, Long> counted = new HashMap<>();
    Set<List<Long>> windows = new HashSet<>();
    for (Object row : rows) {
      Results.BidderWindowCount c = (Results.BidderWindowCount) row;
      assertThat(c.end() - c.start()).as("window of %s", c).isEqualTo(size);
      assertThat(Math.floorMod(c.start(), size)).as("start of %s", c).isZero();
      assertThat(c.start()).as("start of %s", c).isGreaterThanOrEqualTo(start - size);
      // fired once processing time had passed the window's last millisecond, before the job ended
      assertThat(c.end()).as("end of %s", c).isLessThanOrEqualTo(end);
      assertThat(c.bidCount()).as("count of %s", c).isPositive();
      assertThat(windows.add(List.of(c.bidder(), c.start()))).as("one row per bidder and window: %s", c).isTrue();
      counted.merge(c.bidder(), c.bidCount(), Long::sum);
    }
    counted.forEach((bidder, count) -> assertThat(count).as("bids counted for bidder %d", bidder)
        .isLessThanOrEqualTo(bids.getOrDefault(bidder, 0L)));
  }

  private static List<Object> runWeir(NexmarkQuery query) throws Exception {
    return collect(query.weir(weirEvents(weirEnvironment(), MODEL)));
  }

  private static List<Object> runFlink(NexmarkQuery query) throws Exception {
    return collect(query.flink(flinkEvents(flinkEnvironment(), MODEL)));
  }

  private static List<Object> collect(DataStream<?> rows) throws Exception {
    List<Object> all = new ArrayList<>();
    try (CloseableIterator<?> it = rows.executeAndCollect()) {
      it.forEachRemaining(all::add);
    }
    return all;
  }

  private static List<Object> collect(org.apache.flink.streaming.api.datastream.DataStream<?> rows) throws Exception {
    List<Object> all = new ArrayList<>();
    try (org.apache.flink.util.CloseableIterator<?> it = rows.executeAndCollect()) {
      it.forEachRemaining(all::add);
    }
    return all;
  }

  private static StreamExecutionEnvironment weirEnvironment() {
    return StreamExecutionEnvironment.createEmbeddedEnvironment(2);
  }

  private static DataStream<NexmarkEvent> weirEvents(StreamExecutionEnvironment env, NexmarkModel model) {
    return env.fromSource(NexmarkSources.weir(model, EVENTS),
        WatermarkStrategy.<NexmarkEvent>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
            .withTimestampAssigner((e, ts) -> e.eventTime()),
        TypeInfo.of(NexmarkEvent.class), "nexmark");
  }

  private static org.apache.flink.streaming.api.environment.StreamExecutionEnvironment flinkEnvironment() {
    return org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.createLocalEnvironment(2);
  }

  private static org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent> flinkEvents(
      org.apache.flink.streaming.api.environment.StreamExecutionEnvironment env, NexmarkModel model) {
    return env.fromSource(
        NexmarkSources.flink(model, EVENTS),
        org.apache.flink.api.common.eventtime.WatermarkStrategy.<NexmarkEvent>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
            .withTimestampAssigner((e, ts) -> e.eventTime()),
        "nexmark");
  }
}
