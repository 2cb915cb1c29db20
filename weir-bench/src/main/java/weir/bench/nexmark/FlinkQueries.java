package weir.bench.nexmark;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.CoGroupFunction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.functions.windowing.WindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** The Nexmark queries on Flink, line by line as in {@link WeirQueries}. */
public final class FlinkQueries {
  private FlinkQueries() {}

  /** q0, pass-through: every bid as it is. */
  public static DataStream<NexmarkEvent.Bid> q0(DataStream<NexmarkEvent> events) {
    return events.filter(e -> e.bid() != null).map(NexmarkEvent::bid).returns(NexmarkEvent.Bid.class);
  }

  /** q1, currency conversion: every bid with its price converted from dollars to euros. */
  public static DataStream<Results.EuroBid> q1(DataStream<NexmarkEvent> events) {
    return q0(events).map(b -> new Results.EuroBid(b.auction(), b.bidder(), Queries.toEuro(b.price()), b.dateTime(),
        b.extra())).returns(Results.EuroBid.class);
  }

  /** q2, selection: the auction and price of the bids on every 123rd auction. */
  public static DataStream<Results.AuctionPrice> q2(DataStream<NexmarkEvent> events) {
    return q0(events).filter(b -> b.auction() % Queries.Q2_MODULUS == 0)
        .map(b -> new Results.AuctionPrice(b.auction(), b.price())).returns(Results.AuctionPrice.class);
  }

  /**
   * q10, bids to partitioned files: as {@link WeirQueries#q10}, through Flink's exactly-once
   * {@link FileSink}, whose part files roll at each checkpoint too.
   */
  public static void q10(DataStream<NexmarkEvent> events, java.nio.file.Path directory) {
    q0(events).sinkTo(FileSink.forRowFormat(new org.apache.flink.core.fs.Path(directory.toUri()), new Q10Line())
        .withBucketAssigner(new Q10Partition())
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .withOutputFileConfig(OutputFileConfig.builder().withPartSuffix(".csv").build())
        .build());
  }

  /** q10: a bid's line. */
  static final class Q10Line implements Encoder<NexmarkEvent.Bid> {
    private final Q10Format format = new Q10Format();

    @Override
    public void encode(NexmarkEvent.Bid bid, java.io.OutputStream out) throws java.io.IOException {
      format.write(bid, out);
    }
  }

  /** q10: a bid's partition directory. */
  static final class Q10Partition implements BucketAssigner<NexmarkEvent.Bid, String> {
    private final Q10Format format = new Q10Format();

    @Override
    public String getBucketId(NexmarkEvent.Bid bid, Context context) {
      return format.partition(bid.dateTime());
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
      return SimpleVersionedStringSerializer.INSTANCE;
    }
  }

  /** q14, calculation: the bids priced between 1M and 50M euros, classified by time of day, with their 'c's counted. */
  public static DataStream<Results.ClassifiedBid> q14(DataStream<NexmarkEvent> events) {
    return q0(events).filter(Queries::q14Keeps).map(Queries::q14Row).returns(Results.ClassifiedBid.class);
  }

  /** q21, channel id: the bids whose channel has an id (hot channel, or channel_id in the URL), with it. */
  public static DataStream<Results.ChannelBid> q21(DataStream<NexmarkEvent> events) {
    return q0(events).flatMap(new Q21ChannelId());
  }

  /** q21: a bid with its channel id, once per bid (one regular expression match), or nothing. */
  static final class Q21ChannelId implements FlatMapFunction<NexmarkEvent.Bid, Results.ChannelBid> {
    @Override
    public void flatMap(NexmarkEvent.Bid bid, Collector<Results.ChannelBid> out) {
      Results.ChannelBid row = Queries.q21Row(bid);
      if (row != null) {
        out.collect(row);
      }
    }
  }

  /** q22, URL directories: every bid with the first three directories of its URL. */
  public static DataStream<Results.DirectoryBid> q22(DataStream<NexmarkEvent> events) {
    return q0(events).map(Queries::q22Row).returns(Results.DirectoryBid.class);
  }


  /** q5, hot items: as {@link WeirQueries#q5}. */
  public static DataStream<Results.AuctionCount> q5(DataStream<NexmarkEvent> events) {
    return q0(events)
        .keyBy(NexmarkEvent.Bid::auction)
        .window(SlidingEventTimeWindows.of(Queries.Q5_SIZE, Queries.Q5_SLIDE))
        .aggregate(new Q5Count(), new Q5WithWindow())
        .keyBy(Results.AuctionCount::windowEnd)
        .process(new Q5Hottest());
  }

  /** q5: counts a window's bids. */
  static final class Q5Count implements AggregateFunction<NexmarkEvent.Bid, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(NexmarkEvent.Bid bid, Long count) {
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

  /** q5: a count with its auction and window end. */
  static final class Q5WithWindow implements WindowFunction<Long, Results.AuctionCount, Long, TimeWindow> {
    @Override
    public void apply(Long auction, TimeWindow window, Iterable<Long> counts, Collector<Results.AuctionCount> out) {
      out.collect(new Results.AuctionCount(auction, counts.iterator().next(), window.getEnd()));
    }
  }

  /** q5: keeps a window's counts until the watermark passes its end, then emits the highest. */
  static final class Q5Hottest extends KeyedProcessFunction<Long, Results.AuctionCount, Results.AuctionCount> {
    private transient ListState<Results.AuctionCount> counts;

    @Override
    public void open(OpenContext context) throws Exception {
      counts = getRuntimeContext().getListState(new ListStateDescriptor<>("counts", Results.AuctionCount.class));
    }

    @Override
    public void processElement(Results.AuctionCount count, Context ctx, Collector<Results.AuctionCount> out)
        throws Exception {
      counts.add(count);
      ctx.timerService().registerEventTimeTimer(count.windowEnd() - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Results.AuctionCount> out) throws Exception {
      Queries.hottest(counts.get()).forEach(out::collect);
      counts.clear();
    }
  }

  /** q8, monitor new users: as {@link WeirQueries#q8}. */
  public static DataStream<Results.NewSeller> q8(DataStream<NexmarkEvent> events) {
    DataStream<NexmarkEvent.Person> persons = events.filter(e -> e.person() != null).map(NexmarkEvent::person)
        .returns(NexmarkEvent.Person.class);
    DataStream<NexmarkEvent.Auction> auctions = events.filter(e -> e.auction() != null).map(NexmarkEvent::auction)
        .returns(NexmarkEvent.Auction.class);
    return persons.coGroup(auctions)
        .where(NexmarkEvent.Person::id).equalTo(NexmarkEvent.Auction::seller)
        .window(TumblingEventTimeWindows.of(Queries.Q8_WINDOW))
        .apply(new Q8NewSellers());
  }

  /** q8's coGroup. */
  static final class Q8NewSellers
      implements CoGroupFunction<NexmarkEvent.Person, NexmarkEvent.Auction, Results.NewSeller> {
    @Override
    public void coGroup(Iterable<NexmarkEvent.Person> persons, Iterable<NexmarkEvent.Auction> auctions,
        Collector<Results.NewSeller> out) {
      Queries.newSellers(persons, auctions, out::collect);
    }
  }

  /** q7, highest bid: as {@link WeirQueries#q7}. */
  public static DataStream<Results.HighestBid> q7(DataStream<NexmarkEvent> events) {
    return q0(events)
        .windowAll(TumblingEventTimeWindows.of(Queries.Q7_WINDOW))
        .aggregate(new Q7Max(), new Q7Highest());
  }

  /** q7: the highest bids of a window so far. */
  static final class Q7Max
      implements AggregateFunction<NexmarkEvent.Bid, ArrayList<NexmarkEvent.Bid>, ArrayList<NexmarkEvent.Bid>> {
    @Override
    public ArrayList<NexmarkEvent.Bid> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public ArrayList<NexmarkEvent.Bid> add(NexmarkEvent.Bid bid, ArrayList<NexmarkEvent.Bid> acc) {
      return Queries.q7Add(acc, bid);
    }

    @Override
    public ArrayList<NexmarkEvent.Bid> getResult(ArrayList<NexmarkEvent.Bid> acc) {
      return acc;
    }

    @Override
    public ArrayList<NexmarkEvent.Bid> merge(ArrayList<NexmarkEvent.Bid> a, ArrayList<NexmarkEvent.Bid> b) {
      return Queries.q7Merge(a, b);
    }
  }

  /** q7: a window's highest bids as rows with the window's end. */
  static final class Q7Highest
      extends ProcessAllWindowFunction<ArrayList<NexmarkEvent.Bid>, Results.HighestBid, TimeWindow> {
    @Override
    public void process(Context context, Iterable<ArrayList<NexmarkEvent.Bid>> highest,
        Collector<Results.HighestBid> out) {
      Queries.highestBids(highest.iterator().next(), context.window().getEnd()).forEach(out::collect);
    }
  }

  /** q6, average selling price by seller: as {@link WeirQueries#q6}. */
  public static DataStream<Results.SellerAverage> q6(DataStream<NexmarkEvent> events) {
    return q9(events).keyBy(Results.WinningBid::seller).process(new Q6Average());
  }

  /** q6's average of a seller's last ten. */
  static final class Q6Average extends KeyedProcessFunction<Long, Results.WinningBid, Results.SellerAverage> {
    private transient ListState<Results.WinningBid> pending;
    private transient ListState<Long> last;

    @Override
    public void open(OpenContext context) throws Exception {
      pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", Results.WinningBid.class));
      last = getRuntimeContext().getListState(new ListStateDescriptor<>("last", Long.class));
    }

    @Override
    public void processElement(Results.WinningBid winner, Context ctx, Collector<Results.SellerAverage> out)
        throws Exception {
      pending.add(winner);
      ctx.timerService().registerEventTimeTimer(winner.expires());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Results.SellerAverage> out) throws Exception {
      List<Long> prices = new java.util.ArrayList<>();
      last.get().forEach(prices::add);
      pending.update(Queries.q6Fold(pending.get(), timestamp, prices));
      last.update(prices);
      out.collect(new Results.SellerAverage(ctx.getCurrentKey(), timestamp, Queries.average(prices)));
    }
  }

  /** q4, average price per category: as {@link WeirQueries#q4}. */
  public static DataStream<Results.CategoryAverage> q4(DataStream<NexmarkEvent> events) {
    return q9(events).keyBy(Results.WinningBid::category).process(new Q4Average());
  }

  /**
   * q4's running average per category: the winners not yet closed are summed per expiry time
   * (count and price), so that each expiry timer folds in exactly its own in constant time.
   */
  static final class Q4Average extends KeyedProcessFunction<Long, Results.WinningBid, Results.CategoryAverage> {
    private transient MapState<Long, Long> pendingCounts;
    private transient MapState<Long, Long> pendingSums;
    private transient ValueState<Long> count;
    private transient ValueState<Long> sum;

    @Override
    public void open(OpenContext context) throws Exception {
      pendingCounts = getRuntimeContext().getMapState(
          new MapStateDescriptor<>("pending-counts", Long.class, Long.class));
      pendingSums = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending-sums", Long.class, Long.class));
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
      sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
    }

    @Override
    public void processElement(Results.WinningBid winner, Context ctx, Collector<Results.CategoryAverage> out)
        throws Exception {
      Long n = pendingCounts.get(winner.expires());
      Long total = pendingSums.get(winner.expires());
      pendingCounts.put(winner.expires(), n == null ? 1 : n + 1);
      pendingSums.put(winner.expires(), (total == null ? 0 : total) + winner.price());
      ctx.timerService().registerEventTimeTimer(winner.expires());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Results.CategoryAverage> out)
        throws Exception {
      long closed = count.value() == null ? 0 : count.value();
      long prices = sum.value() == null ? 0 : sum.value();
      closed += pendingCounts.get(timestamp);
      prices += pendingSums.get(timestamp);
      pendingCounts.remove(timestamp);
      pendingSums.remove(timestamp);
      count.update(closed);
      sum.update(prices);
      out.collect(new Results.CategoryAverage(ctx.getCurrentKey(), timestamp, (double) prices / closed));
    }
  }

  /** q9, winning bids: as {@link WeirQueries#q9}. */
  public static DataStream<Results.WinningBid> q9(DataStream<NexmarkEvent> events) {
    DataStream<NexmarkEvent.Auction> auctions = events.filter(e -> e.auction() != null).map(NexmarkEvent::auction)
        .returns(NexmarkEvent.Auction.class);
    DataStream<NexmarkEvent.Bid> bids = q0(events);
    return auctions.connect(bids)
        .keyBy(NexmarkEvent.Auction::id, NexmarkEvent.Bid::auction)
        .process(new Q9Winner());
  }

  /** q9's join of an auction with its bids. */
  static final class Q9Winner
      extends KeyedCoProcessFunction<Long, NexmarkEvent.Auction, NexmarkEvent.Bid, Results.WinningBid> {
    private transient ValueState<NexmarkEvent.Auction> auction;
    private transient ValueState<NexmarkEvent.Bid> best;
    private transient ListState<NexmarkEvent.Bid> early;
    private transient ValueState<Boolean> closed;

    @Override
    public void open(OpenContext context) throws Exception {
      auction = getRuntimeContext().getState(new ValueStateDescriptor<>("auction", NexmarkEvent.Auction.class));
      best = getRuntimeContext().getState(new ValueStateDescriptor<>("best", NexmarkEvent.Bid.class));
      early = getRuntimeContext().getListState(new ListStateDescriptor<>("early", NexmarkEvent.Bid.class));
      closed = getRuntimeContext().getState(new ValueStateDescriptor<>("closed", Boolean.class));
    }

    @Override
    public void processElement1(NexmarkEvent.Auction a, Context ctx, Collector<Results.WinningBid> out)
        throws Exception {
      auction.update(a);
      NexmarkEvent.Bid winner = null;
      for (NexmarkEvent.Bid bid : early.get()) {
        if (Queries.q9Counts(a, bid)) {
          winner = Queries.q9Better(winner, bid);
        }
      }
      early.clear();
      if (winner != null) {
        best.update(winner);
      }
      ctx.timerService().registerEventTimeTimer(a.expires());
    }

    @Override
    public void processElement2(NexmarkEvent.Bid bid, Context ctx, Collector<Results.WinningBid> out)
        throws Exception {
      if (closed.value() != null) {
        return;
      }
      NexmarkEvent.Auction a = auction.value();
      if (a == null) {
        early.add(bid);
      } else if (Queries.q9Counts(a, bid)) {
        best.update(Queries.q9Better(best.value(), bid));
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Results.WinningBid> out) throws Exception {
      NexmarkEvent.Bid winner = best.value();
      if (winner != null) {
        out.collect(Queries.q9Row(auction.value(), winner));
      }
      auction.clear();
      best.clear();
      closed.update(true);
    }
  }

  /** q11, user sessions: as {@link WeirQueries#q11}. */
  public static DataStream<Results.BidderSession> q11(DataStream<NexmarkEvent> events) {
    return q0(events)
        .keyBy(NexmarkEvent.Bid::bidder)
        .window(EventTimeSessionWindows.withGap(Queries.Q11_GAP))
        .aggregate(new Q5Count(), new Q11WithSession());
  }

  /** q11: a session's count with its bidder and bounds. */
  static final class Q11WithSession implements WindowFunction<Long, Results.BidderSession, Long, TimeWindow> {
    @Override
    public void apply(Long bidder, TimeWindow window, Iterable<Long> counts, Collector<Results.BidderSession> out) {
      out.collect(new Results.BidderSession(bidder, counts.iterator().next(), window.getStart(), window.getEnd()));
    }
  }

  /**
   * q12, processing-time windows: as {@link WeirQueries#q12}. Flink does not fire the windows still
   * open at the end of input either: finishing an operator quiesces its processing-time service,
   * so pending timers never fire.
   */
  public static DataStream<Results.BidderWindowCount> q12(DataStream<NexmarkEvent> events) {
    return q12Windows(events, Queries.Q12_WINDOW);
  }

  /** q12 with windows of {@code size}, for tests that cannot wait for 10 s windows. */
  static DataStream<Results.BidderWindowCount> q12Windows(DataStream<NexmarkEvent> events, java.time.Duration size) {
    return q0(events)
        .keyBy(NexmarkEvent.Bid::bidder)
        .window(TumblingProcessingTimeWindows.of(size))
        .aggregate(new Q5Count(), new Q12WithWindow());
  }

  /** q12: a window's count with its bidder and bounds. */
  static final class Q12WithWindow implements WindowFunction<Long, Results.BidderWindowCount, Long, TimeWindow> {
    @Override
    public void apply(Long bidder, TimeWindow window, Iterable<Long> counts,
        Collector<Results.BidderWindowCount> out) {
      out.collect(new Results.BidderWindowCount(bidder, counts.iterator().next(), window.getStart(), window.getEnd()));
    }
  }

  /** q13, bounded side input join: as {@link WeirQueries#q13}. */
  public static DataStream<Results.BidWithSideInput> q13(DataStream<NexmarkEvent> events) {
    return q0(events).map(new Q13Join());
  }

  /** q13's lookup in the side input. */
  static final class Q13Join extends org.apache.flink.api.common.functions.RichMapFunction<NexmarkEvent.Bid,
      Results.BidWithSideInput> {
    private transient String[] sideInput;

    @Override
    public void open(OpenContext context) {
      sideInput = Queries.q13SideInput();
    }

    @Override
    public Results.BidWithSideInput map(NexmarkEvent.Bid bid) {
      return Queries.q13Row(bid, sideInput);
    }
  }

  /** q20, expanded bids: as {@link WeirQueries#q20}. */
  public static DataStream<Results.BidWithAuction> q20(DataStream<NexmarkEvent> events) {
    DataStream<NexmarkEvent.Auction> auctions = events.filter(e -> e.auction() != null).map(NexmarkEvent::auction)
        .returns(NexmarkEvent.Auction.class);
    return auctions.connect(q0(events))
        .keyBy(NexmarkEvent.Auction::id, NexmarkEvent.Bid::auction)
        .process(new Q20Join());
  }

  /** q20's join: the auction once known (kept only in category 10), and the bids before it. */
  static final class Q20Join
      extends KeyedCoProcessFunction<Long, NexmarkEvent.Auction, NexmarkEvent.Bid, Results.BidWithAuction> {
    private transient ValueState<NexmarkEvent.Auction> auction;
    private transient ValueState<Boolean> otherCategory;
    private transient ListState<NexmarkEvent.Bid> waiting;

    @Override
    public void open(OpenContext context) throws Exception {
      auction = getRuntimeContext().getState(new ValueStateDescriptor<>("auction", NexmarkEvent.Auction.class));
      otherCategory = getRuntimeContext().getState(new ValueStateDescriptor<>("other-category", Boolean.class));
      waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting", NexmarkEvent.Bid.class));
    }

    @Override
    public void processElement1(NexmarkEvent.Auction a, Context ctx, Collector<Results.BidWithAuction> out)
        throws Exception {
      if (a.category() != Queries.Q3_CATEGORY) {
        otherCategory.update(true);
      } else {
        auction.update(a);
        for (NexmarkEvent.Bid bid : waiting.get()) {
          out.collect(new Results.BidWithAuction(bid, a));
        }
      }
      waiting.clear();
    }

    @Override
    public void processElement2(NexmarkEvent.Bid bid, Context ctx, Collector<Results.BidWithAuction> out)
        throws Exception {
      NexmarkEvent.Auction a = auction.value();
      if (a != null) {
        out.collect(new Results.BidWithAuction(bid, a));
      } else if (otherCategory.value() == null) {
        waiting.add(bid);
      }
    }
  }

  /** q15, daily statistics: as {@link WeirQueries#q15}. */
  public static DataStream<Results.DayStats> q15(DataStream<NexmarkEvent> events) {
    return q0(events)
        .keyBy(b -> Math.floorDiv(b.dateTime(), Queries.DAY.toMillis()))
        .window(TumblingEventTimeWindows.of(Queries.DAY))
        .aggregate(new DailyCount(), new Q15Row());
  }

  /** q16, channel statistics: as {@link WeirQueries#q16}. */
  public static DataStream<Results.DayStats> q16(DataStream<NexmarkEvent> events) {
    return q0(events)
        .keyBy(NexmarkEvent.Bid::channel)
        .window(TumblingEventTimeWindows.of(Queries.DAY))
        .aggregate(new DailyCount(), new Q16Row());
  }

  /** q17, auction statistics: as {@link WeirQueries#q17}. */
  public static DataStream<Results.AuctionDayStats> q17(DataStream<NexmarkEvent> events) {
    return q0(events)
        .keyBy(NexmarkEvent.Bid::auction)
        .window(TumblingEventTimeWindows.of(Queries.DAY))
        .aggregate(new Q17Count(), new Q17Row());
  }

  /** q15/q16: counts a day's bids into {@link DailyStats}. */
  static final class DailyCount implements AggregateFunction<NexmarkEvent.Bid, DailyStats, DailyStats> {
    @Override
    public DailyStats createAccumulator() {
      return new DailyStats();
    }

    @Override
    public DailyStats add(NexmarkEvent.Bid bid, DailyStats stats) {
      return stats.add(bid);
    }

    @Override
    public DailyStats getResult(DailyStats stats) {
      return stats;
    }

    @Override
    public DailyStats merge(DailyStats a, DailyStats b) {
      return a.merge(b);
    }
  }

  /** q15: a day's statistics with the day. */
  static final class Q15Row implements WindowFunction<DailyStats, Results.DayStats, Long, TimeWindow> {
    @Override
    public void apply(Long day, TimeWindow window, Iterable<DailyStats> stats, Collector<Results.DayStats> out) {
      out.collect(stats.iterator().next().result(Queries.day(window.getStart()), null));
    }
  }

  /** q16: a channel's day of statistics with the channel and day. */
  static final class Q16Row implements WindowFunction<DailyStats, Results.DayStats, String, TimeWindow> {
    @Override
    public void apply(String channel, TimeWindow window, Iterable<DailyStats> stats, Collector<Results.DayStats> out) {
      out.collect(stats.iterator().next().result(Queries.day(window.getStart()), channel));
    }
  }

  /** q17: counts an auction's bids of a day. */
  static final class Q17Count implements AggregateFunction<NexmarkEvent.Bid, long[], long[]> {
    @Override
    public long[] createAccumulator() {
      return Queries.q17Accumulator();
    }

    @Override
    public long[] add(NexmarkEvent.Bid bid, long[] acc) {
      return Queries.q17Add(acc, bid);
    }

    @Override
    public long[] getResult(long[] acc) {
      return acc;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return Queries.q17Merge(a, b);
    }
  }

  /** q17: an auction's day of statistics with the auction and day. */
  static final class Q17Row implements WindowFunction<long[], Results.AuctionDayStats, Long, TimeWindow> {
    @Override
    public void apply(Long auction, TimeWindow window, Iterable<long[]> acc, Collector<Results.AuctionDayStats> out) {
      out.collect(Queries.q17Row(auction, window.getStart(), acc.iterator().next()));
    }
  }

  /** q18, last bid: as {@link WeirQueries#q18}. */
  public static DataStream<Results.LastBid> q18(DataStream<NexmarkEvent> events) {
    return q0(events).keyBy(b -> b.bidder() + "/" + b.auction()).process(new Q18Last());
  }

  /** q18: keeps the latest bid of a (bidder, auction). */
  static final class Q18Last extends KeyedProcessFunction<String, NexmarkEvent.Bid, Results.LastBid> {
    private transient ValueState<NexmarkEvent.Bid> last;

    @Override
    public void open(OpenContext context) throws Exception {
      last = getRuntimeContext().getState(new ValueStateDescriptor<>("last", NexmarkEvent.Bid.class));
    }

    @Override
    public void processElement(NexmarkEvent.Bid bid, Context ctx, Collector<Results.LastBid> out) throws Exception {
      if (Queries.q18Later(bid, last.value())) {
        last.update(bid);
        out.collect(new Results.LastBid(bid.bidder(), bid.auction(), bid));
      }
    }
  }

  /** q19, top bids: as {@link WeirQueries#q19}. */
  public static DataStream<Results.TopBids> q19(DataStream<NexmarkEvent> events) {
    return q0(events).keyBy(NexmarkEvent.Bid::auction).process(new Q19Top());
  }

  /** q19: keeps the best ten bids of an auction. */
  static final class Q19Top extends KeyedProcessFunction<Long, NexmarkEvent.Bid, Results.TopBids> {
    private transient ValueState<Results.TopBids> top;

    @Override
    public void open(OpenContext context) throws Exception {
      top = getRuntimeContext().getState(new ValueStateDescriptor<>("top", Results.TopBids.class));
    }

    @Override
    public void processElement(NexmarkEvent.Bid bid, Context ctx, Collector<Results.TopBids> out) throws Exception {
      Results.TopBids current = top.value();
      List<NexmarkEvent.Bid> next = Queries.q19Insert(current == null ? null : current.top(), bid);
      if (next != null) {
        Results.TopBids updated = new Results.TopBids(bid.auction(), next);
        top.update(updated);
        out.collect(updated);
      }
    }
  }

  /** q3, local item suggestion: as {@link WeirQueries#q3}. */
  public static DataStream<Results.LocalItem> q3(DataStream<NexmarkEvent> events) {
    DataStream<NexmarkEvent.Auction> auctions = events
        .filter(e -> e.auction() != null && e.auction().category() == Queries.Q3_CATEGORY)
        .map(NexmarkEvent::auction).returns(NexmarkEvent.Auction.class);
    DataStream<NexmarkEvent.Person> persons = events
        .filter(e -> e.person() != null && Queries.q3State(e.person().state()))
        .map(NexmarkEvent::person).returns(NexmarkEvent.Person.class);
    return auctions.connect(persons)
        .keyBy(NexmarkEvent.Auction::seller, NexmarkEvent.Person::id)
        .process(new Q3Join());
  }

  /** q3's join: the seller once known, and the auctions that came before them. */
  static final class Q3Join
      extends KeyedCoProcessFunction<Long, NexmarkEvent.Auction, NexmarkEvent.Person, Results.LocalItem> {
    private transient ValueState<NexmarkEvent.Person> seller;
    private transient ListState<NexmarkEvent.Auction> waiting;

    @Override
    public void open(OpenContext context) throws Exception {
      seller = getRuntimeContext().getState(new ValueStateDescriptor<>("seller", NexmarkEvent.Person.class));
      waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting", NexmarkEvent.Auction.class));
    }

    @Override
    public void processElement1(NexmarkEvent.Auction auction, Context ctx, Collector<Results.LocalItem> out)
        throws Exception {
      NexmarkEvent.Person person = seller.value();
      if (person != null) {
        out.collect(new Results.LocalItem(person.name(), person.city(), person.state(), auction.id()));
      } else {
        waiting.add(auction);
      }
    }

    @Override
    public void processElement2(NexmarkEvent.Person person, Context ctx, Collector<Results.LocalItem> out)
        throws Exception {
      seller.update(person);
      for (NexmarkEvent.Auction auction : waiting.get()) {
        out.collect(new Results.LocalItem(person.name(), person.city(), person.state(), auction.id()));
      }
      waiting.clear();
    }
  }
}
