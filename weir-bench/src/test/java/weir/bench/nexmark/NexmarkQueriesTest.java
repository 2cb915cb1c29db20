package weir.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.CloseableIterator;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.typeinfo.TypeInfo;

/**
 * The quick tier of the Nexmark suite: every query written so far runs on 10k events on both
 * engines at parallelism 2, and the digests of their results are equal; q10's result is the
 * files it wrote.
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

  @ParameterizedTest
  @EnumSource(value = NexmarkQuery.class, mode = EnumSource.Mode.EXCLUDE, names = "Q10")
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

  private static List<Object> runWeir(NexmarkQuery query) throws Exception {
    List<Object> rows = new ArrayList<>();
    try (CloseableIterator<?> it = query.weir(weirEvents(weirEnvironment(), MODEL)).executeAndCollect()) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  private static List<Object> runFlink(NexmarkQuery query) throws Exception {
    List<Object> rows = new ArrayList<>();
    try (org.apache.flink.util.CloseableIterator<?> it =
        query.flink(flinkEvents(flinkEnvironment(), MODEL)).executeAndCollect()) {
      it.forEachRemaining(rows::add);
    }
    return rows;
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
