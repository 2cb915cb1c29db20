package weir.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.CloseableIterator;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.typeinfo.TypeInfo;

/**
 * The quick tier of the Nexmark suite: every query written so far runs on 10k events on both
 * engines at parallelism 2, and the digests of their results are equal.
 */
class NexmarkQueriesTest {
  private static final long EVENTS = 10_000;
  // longer than the events' whole span: no event is late on either engine, however each engine
  // hands its index ranges to its readers
  private static final java.time.Duration OUT_OF_ORDERNESS = java.time.Duration.ofSeconds(60);
  // 300 events per second of event time: the 10k events span 33 s, four windows of q7
  private static final NexmarkModel MODEL = new NexmarkModel(NexmarkModel.Config.defaults(7, 300));

  @ParameterizedTest
  @EnumSource(NexmarkQuery.class)
  void when_a_query_runs_on_both_engines_then_their_results_have_the_same_digest(NexmarkQuery query) throws Exception {
    List<Object> weir = runWeir(query);
    List<Object> flink = runFlink(query);
    assertThat(weir).isNotEmpty();
    if (query == NexmarkQuery.Q7) {
      assertThat(weir.stream().map(r -> ((Results.HighestBid) r).windowEnd()).distinct()).hasSize(4);
    }
    assertThat(query.digest(weir)).isEqualTo(query.digest(flink));
  }

  private static List<Object> runWeir(NexmarkQuery query) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    DataStream<NexmarkEvent> events = env.fromSource(NexmarkSources.weir(MODEL, EVENTS),
        WatermarkStrategy.<NexmarkEvent>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
            .withTimestampAssigner((e, ts) -> e.eventTime()),
        TypeInfo.of(NexmarkEvent.class), "nexmark");
    List<Object> rows = new ArrayList<>();
    try (CloseableIterator<?> it = query.weir(events).executeAndCollect()) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  private static List<Object> runFlink(NexmarkQuery query) throws Exception {
    org.apache.flink.streaming.api.environment.StreamExecutionEnvironment env =
        org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.createLocalEnvironment(2);
    org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent> events = env.fromSource(
        NexmarkSources.flink(MODEL, EVENTS),
        org.apache.flink.api.common.eventtime.WatermarkStrategy.<NexmarkEvent>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
            .withTimestampAssigner((e, ts) -> e.eventTime()),
        "nexmark");
    List<Object> rows = new ArrayList<>();
    try (org.apache.flink.util.CloseableIterator<?> it = query.flink(events).executeAndCollect()) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }
}
