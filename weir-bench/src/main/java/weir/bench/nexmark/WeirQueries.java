package weir.bench.nexmark;

import java.util.ArrayList;
import java.util.List;
import weir.api.connector.sink.lib.BucketAssigner;
import weir.api.connector.sink.lib.Encoder;
import weir.api.connector.sink.lib.FileSink;
import weir.api.connector.sink.lib.OutputFileConfig;
import weir.api.datastream.DataStream;
import weir.api.functions.Collector;
import weir.api.functions.FlatMapFunction;
import weir.api.functions.KeyedCoProcessFunction;
import weir.api.functions.KeyedProcessFunction;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.functions.AggregateFunction;
import weir.api.functions.CoGroupFunction;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.SlidingEventTimeWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import weir.api.windowing.functions.WindowFunction;
import weir.api.windowing.functions.ProcessAllWindowFunction;
import weir.api.windowing.windows.TimeWindow;

/**
 * The Nexmark queries on Weir, written in DataStream style; {@link FlinkQueries} has the same
 * queries on Flink, line by line. The semantics of each are written down in {@code
 * bench/README.md} (the nexmark project's definitions are the reference).
 */
public final class WeirQueries {
  private WeirQueries() {}

  /** q0, pass-through: every bid as it is. */
  public static DataStream<NexmarkEvent.Bid> q0(DataStream<NexmarkEvent> events) {
    return events.filter(e -> e.bid() != null).map(NexmarkEvent::bid);
  }

  /** q1, currency conversion: every bid with its price converted from dollars to euros. */
  public static DataStream<Results.EuroBid> q1(DataStream<NexmarkEvent> events) {
    return q0(events).map(b -> new Results.EuroBid(b.auction(), b.bidder(), Queries.toEuro(b.price()), b.dateTime(),
        b.extra()));
  }

  /** q2, selection: the auction and price of the bids on every 123rd auction. */
  public static DataStream<Results.AuctionPrice> q2(DataStream<NexmarkEvent> events) {
    return q0(events).filter(b -> b.auction() % Queries.Q2_MODULUS == 0)
        .map(b -> new Results.AuctionPrice(b.auction(), b.price()));
  }

  /**
   * q10, bids to partitioned files: every bid as a CSV line {@code auction,bidder,price,dateTime,
   * extra} in part files below {@code directory}, partitioned by the UTC day and minute of its
   * dateTime ({@code dt=yyyy-MM-dd/hm=HH%3Amm}, {@link Q10Format}), through Weir's
   * exactly-once {@link FileSink}. Part files roll at each checkpoint; they become visible when
   * the checkpoint completes, and at the end of input. Read the result with {@link
   * Queries#q10Rows}.
   */
  public static void q10(DataStream<NexmarkEvent> events, java.nio.file.Path directory) {
    q0(events).sinkTo(FileSink.forRowFormat(directory, new Q10Line())
        .withBucketAssigner(new Q10Partition())
        .withOutputFileConfig(OutputFileConfig.defaults().withPartSuffix(".csv"))
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
  static final class Q10Partition implements BucketAssigner<NexmarkEvent.Bid> {
    private final Q10Format format = new Q10Format();

    @Override
    public String getBucketId(NexmarkEvent.Bid bid, Context context) {
      return format.partition(bid.dateTime());
    }
  }

  /** q14, calculation: the bids priced between 1M and 50M euros, classified by time of day, with their 'c's counted. */
  public static DataStream<Results.ClassifiedBid> q14(DataStream<NexmarkEvent> events) {
    return q0(events).filter(Queries::q14Keeps).map(Queries::q14Row);
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
    return q0(events).map(Queries::q22Row);
  }


  /**
   * q5, hot items: per sliding event-time window of 10 s every 2 s, the auctions with the most
   * bids (all of them on a tie), as (auction, count, window end). Bids are counted per auction
   * and window; the counts of one window meet at a subtask keyed by the window's end, which
   * emits the highest when the watermark passes the window's end.
   */
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
    public void open(weir.api.functions.RuntimeContext context) throws Exception {
      super.open(context);
      counts = context.getListState(new ListStateDescriptor<>("counts", Results.AuctionCount.class));
    }

    @Override
    public void processElement(Results.AuctionCount count, Context<Long> ctx, Collector<Results.AuctionCount> out)
        throws Exception {
      counts.add(count);
      ctx.timerService().registerEventTimeTimer(count.windowEnd() - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<Long> ctx, Collector<Results.AuctionCount> out)
        throws Exception {
      Queries.hottest(counts.get()).forEach(out::collect);
      counts.clear();
    }
  }

  /**
   * q8, monitor new users: the persons who opened an auction in the same tumbling 10 s
   * event-time window in which they registered, as (id, name, window start); a window coGroup of
   * persons and auctions on person id = seller.
   */
  public static DataStream<Results.NewSeller> q8(DataStream<NexmarkEvent> events) {
    DataStream<NexmarkEvent.Person> persons = events.filter(e -> e.person() != null).map(NexmarkEvent::person);
    DataStream<NexmarkEvent.Auction> auctions = events.filter(e -> e.auction() != null).map(NexmarkEvent::auction);
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

  /**
   * q7, highest bid: per tumbling 10 s event-time window over all bids, the bids with the
   * window's highest price (all of them on a tie), each with the window's end. Computed
   * incrementally: each window keeps only its highest bids so far. The events must carry
   * event-time timestamps and watermarks.
   */
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

  /**
   * q6, average selling price by seller: the winning bids of q9 keyed by seller; whenever the
   * watermark passes the expiry of one of them, the average price of the seller's last ten
   * auctions closed by then (in order of expiry, then auction id), as (seller, time, average).
   */
  public static DataStream<Results.SellerAverage> q6(DataStream<NexmarkEvent> events) {
    return q9(events).keyBy(Results.WinningBid::seller).process(new Q6Average());
  }

  /** q6's average of a seller's last ten. */
  static final class Q6Average extends KeyedProcessFunction<Long, Results.WinningBid, Results.SellerAverage> {
    private transient ListState<Results.WinningBid> pending;
    private transient ListState<Long> last;

    @Override
    public void open(weir.api.functions.RuntimeContext context) throws Exception {
      super.open(context);
      pending = context.getListState(new ListStateDescriptor<>("pending", Results.WinningBid.class));
      last = context.getListState(new ListStateDescriptor<>("last", Long.class));
    }

    @Override
    public void processElement(Results.WinningBid winner, Context<Long> ctx, Collector<Results.SellerAverage> out)
        throws Exception {
      pending.add(winner);
      ctx.timerService().registerEventTimeTimer(winner.expires());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<Long> ctx, Collector<Results.SellerAverage> out)
        throws Exception {
      List<Long> prices = new java.util.ArrayList<>();
      last.get().forEach(prices::add);
      pending.update(Queries.q6Fold(pending.get(), timestamp, prices));
      last.update(prices);
      out.collect(new Results.SellerAverage(ctx.getCurrentKey(), timestamp, Queries.average(prices)));
    }
  }

  /**
   * q4, average price per category: the winning bids of q9 keyed by category; whenever the
   * watermark passes the expiry of one of them, the average winning price of the category's
   * auctions closed so far, as (category, time, average). Winners wait until their expiry, so
   * each row counts exactly the auctions closed by its time.
   */
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
    public void open(weir.api.functions.RuntimeContext context) throws Exception {
      super.open(context);
      pendingCounts = context.getMapState(new MapStateDescriptor<>("pending-counts", Long.class, Long.class));
      pendingSums = context.getMapState(new MapStateDescriptor<>("pending-sums", Long.class, Long.class));
      count = context.getState(new ValueStateDescriptor<>("count", Long.class));
      sum = context.getState(new ValueStateDescriptor<>("sum", Long.class));
    }

    @Override
    public void processElement(Results.WinningBid winner, Context<Long> ctx, Collector<Results.CategoryAverage> out)
        throws Exception {
      Long n = pendingCounts.get(winner.expires());
      Long total = pendingSums.get(winner.expires());
      pendingCounts.put(winner.expires(), n == null ? 1 : n + 1);
      pendingSums.put(winner.expires(), (total == null ? 0 : total) + winner.price());
      ctx.timerService().registerEventTimeTimer(winner.expires());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<Long> ctx, Collector<Results.CategoryAverage> out)
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

  /**
   * q9, winning bids: per auction, the best bid made while it was open (highest price, then
   * earliest, then smallest bidder id), emitted when the watermark passes the auction's expiry.
   * Bids that arrive before their auction wait for it in keyed state; bids after the expiry are
   * dropped.
   */
  public static DataStream<Results.WinningBid> q9(DataStream<NexmarkEvent> events) {
    DataStream<NexmarkEvent.Auction> auctions = events.filter(e -> e.auction() != null).map(NexmarkEvent::auction);
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
    public void open(weir.api.functions.RuntimeContext context) throws Exception {
      super.open(context);
      auction = context.getState(new ValueStateDescriptor<>("auction", NexmarkEvent.Auction.class));
      best = context.getState(new ValueStateDescriptor<>("best", NexmarkEvent.Bid.class));
      early = context.getListState(new ListStateDescriptor<>("early", NexmarkEvent.Bid.class));
      closed = context.getState(new ValueStateDescriptor<>("closed", Boolean.class));
    }

    @Override
    public void processElement1(NexmarkEvent.Auction a, KeyedProcessFunction.Context<Long> ctx,
        Collector<Results.WinningBid> out) throws Exception {
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
    public void processElement2(NexmarkEvent.Bid bid, KeyedProcessFunction.Context<Long> ctx,
        Collector<Results.WinningBid> out) throws Exception {
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
    public void onTimer(long timestamp, KeyedProcessFunction.OnTimerContext<Long> ctx,
        Collector<Results.WinningBid> out) throws Exception {
      NexmarkEvent.Bid winner = best.value();
      if (winner != null) {
        out.collect(Queries.q9Row(auction.value(), winner));
      }
      auction.clear();
      best.clear();
      closed.update(true);
    }
  }

  /**
   * q11, user sessions: per bidder, event-time session windows with a 10 s gap, as (bidder,
   * bid count, session start, session end).
   */
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
   * q12, processing-time windows: per bidder, the number of bids in tumbling processing-time
   * windows of 10 s, as (bidder, bid count, window start, window end). The rows depend on when
   * each bid is processed, so they differ from run to run. Windows still open at the end of input
   * never fire: the engine does not fire processing-time timers after the end of input.
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

  /**
   * q13, bounded side input join: every bid with the value the side input holds for its auction
   * id modulo 10,000. The side input is read when each subtask opens.
   */
  public static DataStream<Results.BidWithSideInput> q13(DataStream<NexmarkEvent> events) {
    return q0(events).map(new Q13Join());
  }

  /** q13's lookup in the side input. */
  static final class Q13Join extends weir.api.functions.AbstractRichFunction
      implements weir.api.functions.MapFunction<NexmarkEvent.Bid, Results.BidWithSideInput> {
    private transient String[] sideInput;

    @Override
    public void open(weir.api.functions.RuntimeContext context) throws Exception {
      super.open(context);
      sideInput = Queries.q13SideInput();
    }

    @Override
    public Results.BidWithSideInput map(NexmarkEvent.Bid bid) {
      return Queries.q13Row(bid, sideInput);
    }
  }

  /**
   * q20, expanded bids: every bid joined with its auction when the auction is in category 10. A
   * regular join on auction id: bids that come before their auction wait for it in keyed state.
   */
  public static DataStream<Results.BidWithAuction> q20(DataStream<NexmarkEvent> events) {
    DataStream<NexmarkEvent.Auction> auctions = events.filter(e -> e.auction() != null).map(NexmarkEvent::auction);
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
    public void open(weir.api.functions.RuntimeContext context) throws Exception {
      super.open(context);
      auction = context.getState(new ValueStateDescriptor<>("auction", NexmarkEvent.Auction.class));
      otherCategory = context.getState(new ValueStateDescriptor<>("other-category", Boolean.class));
      waiting = context.getListState(new ListStateDescriptor<>("waiting", NexmarkEvent.Bid.class));
    }

    @Override
    public void processElement1(NexmarkEvent.Auction a, KeyedProcessFunction.Context<Long> ctx,
        Collector<Results.BidWithAuction> out) throws Exception {
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
    public void processElement2(NexmarkEvent.Bid bid, KeyedProcessFunction.Context<Long> ctx,
        Collector<Results.BidWithAuction> out) throws Exception {
      NexmarkEvent.Auction a = auction.value();
      if (a != null) {
        out.collect(new Results.BidWithAuction(bid, a));
      } else if (otherCategory.value() == null) {
        waiting.add(bid);
      }
    }
  }

  /**
   * q15, daily statistics: per day (tumbling event-time window of a day, keyed by the day), the
   * bids, distinct bidders and distinct auctions, in total and by price rank.
   */
  public static DataStream<Results.DayStats> q15(DataStream<NexmarkEvent> events) {
    return q0(events)
        .keyBy(b -> Math.floorDiv(b.dateTime(), Queries.DAY.toMillis()))
        .window(TumblingEventTimeWindows.of(Queries.DAY))
        .aggregate(new DailyCount(), new Q15Row());
  }

  /** q16, channel statistics: q15 per channel and day. */
  public static DataStream<Results.DayStats> q16(DataStream<NexmarkEvent> events) {
    return q0(events)
        .keyBy(NexmarkEvent.Bid::channel)
        .window(TumblingEventTimeWindows.of(Queries.DAY))
        .aggregate(new DailyCount(), new Q16Row());
  }

  /**
   * q17, auction statistics: per auction and day, the bids in total and by price rank, and the
   * minimum, maximum, average (integer) and sum of their prices.
   */
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

  /**
   * q18, last bid: per (bidder, auction), the latest bid so far (by time, then price, then
   * extra), emitted whenever it changes: an upsert stream keyed by (bidder, auction).
   */
  public static DataStream<Results.LastBid> q18(DataStream<NexmarkEvent> events) {
    return q0(events).keyBy(b -> b.bidder() + "/" + b.auction()).process(new Q18Last());
  }

  /** q18: keeps the latest bid of a (bidder, auction). */
  static final class Q18Last extends KeyedProcessFunction<String, NexmarkEvent.Bid, Results.LastBid> {
    private transient ValueState<NexmarkEvent.Bid> last;

    @Override
    public void open(weir.api.functions.RuntimeContext context) throws Exception {
      super.open(context);
      last = context.getState(new ValueStateDescriptor<>("last", NexmarkEvent.Bid.class));
    }

    @Override
    public void processElement(NexmarkEvent.Bid bid, Context<String> ctx, Collector<Results.LastBid> out)
        throws Exception {
      if (Queries.q18Later(bid, last.value())) {
        last.update(bid);
        out.collect(new Results.LastBid(bid.bidder(), bid.auction(), bid));
      }
    }
  }

  /**
   * q19, top bids: per auction, the ten best bids so far (highest price, then earliest, then
   * smallest bidder id), emitted whenever they change: an upsert stream keyed by auction.
   */
  public static DataStream<Results.TopBids> q19(DataStream<NexmarkEvent> events) {
    return q0(events).keyBy(NexmarkEvent.Bid::auction).process(new Q19Top());
  }

  /** q19: keeps the best ten bids of an auction. */
  static final class Q19Top extends KeyedProcessFunction<Long, NexmarkEvent.Bid, Results.TopBids> {
    private transient ValueState<Results.TopBids> top;

    @Override
    public void open(weir.api.functions.RuntimeContext context) throws Exception {
      super.open(context);
      top = context.getState(new ValueStateDescriptor<>("top", Results.TopBids.class));
    }

    @Override
    public void processElement(NexmarkEvent.Bid bid, Context<Long> ctx, Collector<Results.TopBids> out)
        throws Exception {
      Results.TopBids current = top.value();
      List<NexmarkEvent.Bid> next = Queries.q19Insert(current == null ? null : current.top(), bid);
      if (next != null) {
        Results.TopBids updated = new Results.TopBids(bid.auction(), next);
        top.update(updated);
        out.collect(updated);
      }
    }
  }

  /**
   * q3, local item suggestion: persons in OR, ID or CA joined with their auctions in category 10,
   * as (name, city, state, auction id). A regular join: each side is kept in keyed state by
   * person id, so a match is emitted once whichever side comes first.
   */
  public static DataStream<Results.LocalItem> q3(DataStream<NexmarkEvent> events) {
    DataStream<NexmarkEvent.Auction> auctions = events
        .filter(e -> e.auction() != null && e.auction().category() == Queries.Q3_CATEGORY)
        .map(NexmarkEvent::auction);
    DataStream<NexmarkEvent.Person> persons = events
        .filter(e -> e.person() != null && Queries.q3State(e.person().state()))
        .map(NexmarkEvent::person);
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
    public void open(weir.api.functions.RuntimeContext context) throws Exception {
      super.open(context);
      seller = context.getState(new ValueStateDescriptor<>("seller", NexmarkEvent.Person.class));
      waiting = context.getListState(new ListStateDescriptor<>("waiting", NexmarkEvent.Auction.class));
    }

    @Override
    public void processElement1(NexmarkEvent.Auction auction, KeyedProcessFunction.Context<Long> ctx,
        Collector<Results.LocalItem> out) throws Exception {
      NexmarkEvent.Person person = seller.value();
      if (person != null) {
        out.collect(new Results.LocalItem(person.name(), person.city(), person.state(), auction.id()));
      } else {
        waiting.add(auction);
      }
    }

    @Override
    public void processElement2(NexmarkEvent.Person person, KeyedProcessFunction.Context<Long> ctx,
        Collector<Results.LocalItem> out) throws Exception {
      seller.update(person);
      for (NexmarkEvent.Auction auction : waiting.get()) {
        out.collect(new Results.LocalItem(person.name(), person.city(), person.state(), auction.id()));
      }
      waiting.clear();
    }
  }
}
