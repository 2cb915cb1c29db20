package weir.bench.nexmark;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javax.annotation.Nullable;
import weir.api.datastream.DataStream;

/**
 * The Nexmark queries, each as its Weir and its Flink pipeline ({@link WeirQueries}, {@link
 * FlinkQueries}) and how its results are compared between the engines. Shared by the quick tier
 * of the test suite and the benchmark runner.
 *
 * <h3>Rows and files</h3>
 * Most queries end in a stream of rows: {@link #weir} and {@link #flink} build it, and the caller
 * attaches its sink. A query that {@link #writesFiles} (q10) ends in its own exactly-once file
 * sink instead: {@link #weirToFiles} and {@link #flinkToFiles} attach it, the caller runs the job
 * ({@code execute}), and {@link Queries#q10Rows} reads the committed files back as rows, whose
 * {@link #digest} is compared like any other. Each kind's methods throw for the other kind.
 *
 * <h3>Comparison</h3>
 * The rows of a query are compared by {@link #digest}: of all rows, or of the last row per key of
 * an upsert query ({@link #upserts}). A query whose rows depend on processing time (q12) is not
 * {@link #digested}: its rows differ from run to run, on either engine.
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
  Q10(WeirQueries::q10, FlinkQueries::q10),
  Q11(WeirQueries::q11, FlinkQueries::q11),
  Q12(WeirQueries::q12, FlinkQueries::q12),
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

  @Nullable private final Function<DataStream<NexmarkEvent>, DataStream<?>> weir;
  @Nullable private final Function<org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent>,
      org.apache.flink.streaming.api.datastream.DataStream<?>> flink;
  @Nullable private final BiConsumer<DataStream<NexmarkEvent>, Path> weirToFiles;
  @Nullable private final BiConsumer<org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent>, Path>
      flinkToFiles;
  @Nullable private final ToLongFunction<Object> upsertKey;

  NexmarkQuery(Function<DataStream<NexmarkEvent>, DataStream<?>> weir,
      Function<org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent>,
          org.apache.flink.streaming.api.datastream.DataStream<?>> flink) {
    this(weir, flink, null);
  }

  NexmarkQuery(Function<DataStream<NexmarkEvent>, DataStream<?>> weir,
      Function<org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent>,
          org.apache.flink.streaming.api.datastream.DataStream<?>> flink,
      @Nullable ToLongFunction<Object> upsertKey) {
    this.weir = weir;
    this.flink = flink;
    this.weirToFiles = null;
    this.flinkToFiles = null;
    this.upsertKey = upsertKey;
  }

  NexmarkQuery(BiConsumer<DataStream<NexmarkEvent>, Path> weirToFiles,
      BiConsumer<org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent>, Path> flinkToFiles) {
    this.weir = null;
    this.flink = null;
    this.weirToFiles = weirToFiles;
    this.flinkToFiles = flinkToFiles;
    this.upsertKey = null;
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

  /**
   * The query on Weir's events, as a stream of rows.
   *
   * @throws IllegalStateException when the query {@link #writesFiles}
   */
  public DataStream<?> weir(DataStream<NexmarkEvent> events) {
    if (weir == null) {
      throw writesFilesInstead();
    }
    return weir.apply(events);
  }

  /**
   * The query on Flink's events, as a stream of rows.
   *
   * @throws IllegalStateException when the query {@link #writesFiles}
   */
  public org.apache.flink.streaming.api.datastream.DataStream<?> flink(
      org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent> events) {
    if (flink == null) {
      throw writesFilesInstead();
    }
    return flink.apply(events);
  }

  /**
   * Whether the query ends in a file sink of its own rather than in a stream of rows (q10): build
   * it with {@link #weirToFiles} or {@link #flinkToFiles}, and read its rows with {@link
   * Queries#q10Rows} once the job has finished.
   */
  public boolean writesFiles() {
    return weirToFiles != null;
  }

  /**
   * Attaches the query with its file sink to Weir's events; the sink writes below {@code
   * directory} (created if missing) and commits the files at each completed checkpoint and at the
   * end of input, with or without checkpoints. The caller runs the job. {@link Queries#q10Rows}
   * reads every committed file below the directory, so give each run an empty one.
   *
   * @throws IllegalStateException when the query does not {@link #writesFiles}
   */
  public void weirToFiles(DataStream<NexmarkEvent> events, Path directory) {
    if (weirToFiles == null) {
      throw new IllegalStateException(label() + " writes no files; build it with weir(events)");
    }
    weirToFiles.accept(events, directory);
  }

  /**
   * Attaches the query with its file sink to Flink's events, as {@link #weirToFiles} does on Weir.
   *
   * @throws IllegalStateException when the query does not {@link #writesFiles}
   */
  public void flinkToFiles(org.apache.flink.streaming.api.datastream.DataStream<NexmarkEvent> events, Path directory) {
    if (flinkToFiles == null) {
      throw new IllegalStateException(label() + " writes no files; build it with flink(events)");
    }
    flinkToFiles.accept(events, directory);
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

  /**
   * Whether the query's results are the same in every run, so that their {@link #digest}s can be
   * compared between engines and runs: false for q12, whose windows are in processing time.
   */
  public boolean digested() {
    return switch (this) {
      case Q12 -> false;
      default -> true;
    };
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

  private IllegalStateException writesFilesInstead() {
    return new IllegalStateException(label() + " ends in a file sink, not in rows: attach it with weirToFiles or "
        + "flinkToFiles and read the files with Queries.q10Rows");
  }

  /** Two ids as one upsert key: the nexmark ids of one run stay far below 2^32. */
  private static long upsertKey(long high, long low) {
    return (high << 32) ^ low;
  }
}
