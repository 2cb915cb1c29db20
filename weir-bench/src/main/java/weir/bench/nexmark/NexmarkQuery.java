package weir.bench.nexmark;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import weir.api.datastream.DataStream;

/**
 * The Nexmark queries, each as its Weir and its Flink pipeline ({@link WeirQueries}, {@link
 * FlinkQueries}) and how its results are compared between the engines. Shared by the quick tier
 * of the test suite and the benchmark runner.
 */
public enum NexmarkQuery {
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
  Q18(WeirQueries::q18, FlinkQueries::q18, row -> upsertKey(((Results.LastBid) row).bidder(),
      ((Results.LastBid) row).auction())),
  Q19(WeirQueries::q19, FlinkQueries::q19, row -> ((Results.TopBids) row).auction()),
  Q20(WeirQueries::q20, FlinkQueries::q20),
  Q21(WeirQueries::q21, FlinkQueries::q21),
  Q22(WeirQueries::q22, FlinkQueries::q22);

  private final Function<DataStream<NexmarkEvent>, DataStream<?>> weir;
  private final Function<org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent>,
      org.apache.flink.streaming.api.datastream.DataStream<?>> flink;
  private final ToLongFunction<Object> upsertKey;

  NexmarkQuery(Function<DataStream<NexmarkEvent>, DataStream<?>> weir,
      Function<org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent>,
          org.apache.flink.streaming.api.datastream.DataStream<?>> flink) {
    this(weir, flink, null);
  }

  NexmarkQuery(Function<DataStream<NexmarkEvent>, DataStream<?>> weir,
      Function<org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent>,
          org.apache.flink.streaming.api.datastream.DataStream<?>> flink, ToLongFunction<Object> upsertKey) {
    this.weir = weir;
    this.flink = flink;
    this.upsertKey = upsertKey;
  }

  /** The query by its name, {@code q0} .. {@code q22} (any case), or {@code null} if there is none. */
  public static NexmarkQuery byName(String name) {
    for (NexmarkQuery q : values()) {
      if (q.label().equalsIgnoreCase(name)) {
        return q;
      }
    }
    return null;
  }

  /** The query's name as the nexmark project writes it: {@code q5}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The query on Weir's events. */
  public DataStream<?> weir(DataStream<NexmarkEvent> events) {
    return weir.apply(events);
  }

  /** The query on Flink's events. */
  public org.apache.flink.streaming.api.datastream.DataStream<?> flink(
      org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent> events) {
    return flink.apply(events);
  }

  /**
   * Whether the query's rows are upserts: a later row for a key replaces the earlier one, and only
   * the last row per key ({@link #upsertKey}) is compared between engines.
   */
  public boolean upserts() {
    return upsertKey != null;
  }

  /** The key of an upsert row (see {@link #upserts}), as a 64-bit number. */
  public long upsertKey(Object row) {
    if (upsertKey == null) {
      throw new IllegalStateException(label() + " does not upsert");
    }
    return upsertKey.applyAsLong(row);
  }

  /** The digest of a whole result: {@link Queries#digest}, of the last row per key for upserts. */
  public String digest(java.util.List<?> rows) {
    return upserts() ? Queries.upsertDigest(rows, row -> upsertKey(row)) : Queries.digest(rows);
  }

  /**
   * The event time at which a row was due, for the latency mode: the end of its window for the
   * windowed queries the latency mode measures (q5, q7), since the window can close as soon as an
   * event of that time has been read; {@link Long#MIN_VALUE} for rows of other queries.
   */
  public long dueEventTime(Object row) {
    return switch (this) {
      case Q5 -> ((Results.AuctionCount) row).windowEnd();
      case Q7 -> ((Results.HighestBid) row).windowEnd();
      default -> Long.MIN_VALUE;
    };
  }

  /** Two ids as one upsert key: the nexmark ids of one run stay far below 2^32. */
  private static long upsertKey(long high, long low) {
    return (high << 32) ^ low;
  }
}
