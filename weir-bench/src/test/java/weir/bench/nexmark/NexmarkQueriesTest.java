package weir.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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

  /** A query on both engines. */
  enum Query {
    Q0(WeirQueries::q0, FlinkQueries::q0),
    Q1(WeirQueries::q1, FlinkQueries::q1),
    Q2(WeirQueries::q2, FlinkQueries::q2),
    Q3(WeirQueries::q3, FlinkQueries::q3),
    Q4(WeirQueries::q4, FlinkQueries::q4),
    Q5(WeirQueries::q5, FlinkQueries::q5),
    Q6(WeirQueries::q6, FlinkQueries::q6),
    Q7(WeirQueries::q7, FlinkQueries::q7),
    Q8(WeirQueries::q8, FlinkQueries::q8),
    Q9(WeirQueries::q9, FlinkQueries::q9),
    Q11(WeirQueries::q11, FlinkQueries::q11),
    Q13(WeirQueries::q13, FlinkQueries::q13),
    Q14(WeirQueries::q14, FlinkQueries::q14),
    Q15(WeirQueries::q15, FlinkQueries::q15),
    Q16(WeirQueries::q16, FlinkQueries::q16),
    Q17(WeirQueries::q17, FlinkQueries::q17),
    Q18(WeirQueries::q18, FlinkQueries::q18),
    Q19(WeirQueries::q19, FlinkQueries::q19),
    Q20(WeirQueries::q20, FlinkQueries::q20),
    Q21(WeirQueries::q21, FlinkQueries::q21),
    Q22(WeirQueries::q22, FlinkQueries::q22);

    final Function<DataStream<NexmarkEvent>, DataStream<?>> weir;
    final Function<org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent>,
        org.apache.flink.streaming.api.datastream.DataStream<?>> flink;

    Query(Function<DataStream<NexmarkEvent>, DataStream<?>> weir,
        Function<org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent>,
            org.apache.flink.streaming.api.datastream.DataStream<?>> flink) {
      this.weir = weir;
      this.flink = flink;
    }
  }

  @ParameterizedTest
  @EnumSource(Query.class)
  void when_a_query_runs_on_both_engines_then_their_results_have_the_same_digest(Query query) throws Exception {
    List<Object> weir = runWeir(query);
    List<Object> flink = runFlink(query);
    assertThat(weir).isNotEmpty();
    if (query == Query.Q7) {
      assertThat(weir.stream().map(r -> ((Results.HighestBid) r).windowEnd()).distinct()).hasSize(4);
    }
    assertThat(digest(query, weir)).isEqualTo(digest(query, flink));
  }

  /** The digest of a result: of the last row per key for the upsert queries. */
  private static String digest(Query query, List<Object> rows) {
    return switch (query) {
      case Q18 -> Queries.upsertDigest(rows, r -> List.of(((Results.LastBid) r).bidder(), ((Results.LastBid) r).auction()));
      case Q19 -> Queries.upsertDigest(rows, r -> ((Results.TopBids) r).auction());
      default -> Queries.digest(rows);
    };
  }

  private static List<Object> runWeir(Query query) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    DataStream<NexmarkEvent> events = env.fromSource(NexmarkSources.weir(MODEL, EVENTS),
        WatermarkStrategy.<NexmarkEvent>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
            .withTimestampAssigner((e, ts) -> e.eventTime()),
        TypeInfo.of(NexmarkEvent.class), "nexmark");
    List<Object> rows = new ArrayList<>();
    try (CloseableIterator<?> it = query.weir.apply(events).executeAndCollect()) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  private static List<Object> runFlink(Query query) throws Exception {
    org.apache.flink.streaming.api.environment.StreamExecutionEnvironment env =
        org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.createLocalEnvironment(2);
    org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent> events = env.fromSource(
        NexmarkSources.flink(MODEL, EVENTS),
        org.apache.flink.api.common.eventtime.WatermarkStrategy.<NexmarkEvent>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
            .withTimestampAssigner((e, ts) -> e.eventTime()),
        "nexmark");
    List<Object> rows = new ArrayList<>();
    try (org.apache.flink.util.CloseableIterator<?> it = query.flink.apply(events).executeAndCollect()) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }
}
