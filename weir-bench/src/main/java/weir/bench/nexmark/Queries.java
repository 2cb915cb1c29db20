package weir.bench.nexmark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** What the queries of both engines share: their constants, and the digest of a result. */
public final class Queries {
  /** q1: euros per dollar, as in the nexmark project's q1. */
  static final double EURO_PER_DOLLAR = 0.908;
  /** q2: bids on auctions whose id is a multiple of this are selected. */
  static final long Q2_MODULUS = 123;

  /** q3: the category of the auctions joined. */
  static final long Q3_CATEGORY = 10;

  /** q7: the size of its tumbling windows. */
  static final java.time.Duration Q7_WINDOW = java.time.Duration.ofSeconds(10);

  /** q5: the size and slide of its sliding windows. */
  static final java.time.Duration Q5_SIZE = java.time.Duration.ofSeconds(10);
  static final java.time.Duration Q5_SLIDE = java.time.Duration.ofSeconds(2);

  /** q8: the size of its tumbling windows. */
  static final java.time.Duration Q8_WINDOW = java.time.Duration.ofSeconds(10);

  private static final java.util.regex.Pattern CHANNEL_ID = java.util.regex.Pattern.compile("(&|^)channel_id=([^&]*)");

  /** q11: the session gap. */
  static final java.time.Duration Q11_GAP = java.time.Duration.ofSeconds(10);
  /** q12: the size of its tumbling processing-time windows. */
  static final java.time.Duration Q12_WINDOW = java.time.Duration.ofSeconds(10);
  /** q13: the keys of the side input; a bid's key is its auction id modulo this. */
  static final int Q13_SIDE_INPUT_KEYS = 10_000;

  /** q15-q17: their tumbling windows, one day (UTC). */
  static final java.time.Duration DAY = java.time.Duration.ofDays(1);

  /** q19: how many bids per auction it keeps. */
  static final int Q19_TOP = 10;

  /** q10: a bid's {@code dateTime} in its line, in UTC. */

  private Queries() {}

  /**
   * q10's result: every line of the committed files below {@code directory}, as {@code
   * dt/hm/line}, e.g. {@code 2023-11-14/22:13/<line>}, in no particular order; its digest is
   * {@link #digest}. Hidden files, those whose name starts with '.' or '_' (the in-progress and
   * pending part files of both engines' file sinks, success markers), are not read.
   *
   * @throws IllegalStateException when a committed file lies outside a {@code dt=../hm=..}
   *     partition directory
   */
  public static List<String> q10Rows(java.nio.file.Path directory) throws java.io.IOException {
    List<String> rows = new ArrayList<>();
    List<java.nio.file.Path> files;
    try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(directory)) {
      files = walk.filter(java.nio.file.Files::isRegularFile).toList();
    }
    for (java.nio.file.Path file : files) {
      String name = file.getFileName().toString();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      java.nio.file.Path partition = directory.relativize(file).getParent();
      if (partition == null || partition.getNameCount() != 2 || !partition.getName(0).toString().startsWith("dt=")
          || !partition.getName(1).toString().startsWith("hm=")) {
        throw new IllegalStateException("Expected q10's files in dt=<day>/hm=<minute> directories below '" + directory
            + "', but found '" + directory.relativize(file) + "'");
      }
      String prefix = partition.getName(0).toString().substring(3) + "/"
          + partition.getName(1).toString().substring(3).replace("%3A", ":") + "/";
      for (String line : java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8)) {
        rows.add(prefix + line);
      }
    }
    return rows;
  }

  /** q18: whether {@code bid} is later than {@code last}: by time, then price, then extra. */
  static boolean q18Later(NexmarkEvent.Bid bid, @javax.annotation.Nullable NexmarkEvent.Bid last) {
    if (last == null || bid.dateTime() != last.dateTime()) {
      return last == null || bid.dateTime() > last.dateTime();
    }
    if (bid.price() != last.price()) {
      return bid.price() > last.price();
    }
    return bid.extra().compareTo(last.extra()) > 0;
  }

  /** q19: the order of bids: highest price first, then earliest, then smallest bidder id, then extra. */
  static final java.util.Comparator<NexmarkEvent.Bid> Q19_ORDER = java.util.Comparator
      .comparingLong((NexmarkEvent.Bid b) -> -b.price())
      .thenComparingLong(NexmarkEvent.Bid::dateTime)
      .thenComparingLong(NexmarkEvent.Bid::bidder)
      .thenComparing(NexmarkEvent.Bid::extra);

  /** q19: {@code top} with {@code bid} if it ranks among the best ten, or {@code null} if nothing changed. */
  @javax.annotation.Nullable
  static List<NexmarkEvent.Bid> q19Insert(@javax.annotation.Nullable List<NexmarkEvent.Bid> top, NexmarkEvent.Bid bid) {
    List<NexmarkEvent.Bid> next = top == null ? new ArrayList<>() : new ArrayList<>(top);
    next.add(bid);
    next.sort(Q19_ORDER);
    if (next.size() > Q19_TOP) {
      NexmarkEvent.Bid dropped = next.remove(next.size() - 1);
      if (dropped == bid) {
        return null;
      }
    }
    return next;
  }

  /**
   * The digest of an upsert result: of the last row per key, as {@link #digest} does. For the
   * queries whose rows update earlier ones (q18, q19): the updates may come in another order on
   * another engine or run, but the last per key is always the same.
   */
  public static <T> String upsertDigest(List<T> rows, java.util.function.Function<T, Object> key) {
    java.util.Map<Object, T> last = new java.util.HashMap<>();
    for (T row : rows) {
      last.put(key.apply(row), row);
    }
    return digest(new ArrayList<>(last.values()));
  }

  /** q15-q17: the day of a window starting at {@code start}, as yyyy-MM-dd (UTC). */
  static String day(long start) {
    return java.time.LocalDate.ofEpochDay(Math.floorDiv(start, DAY.toMillis())).toString();
  }

  /** q17: the statistics of an auction's bids of a day: count by rank 0-3, min, max, sum. */
  static long[] q17Add(long[] acc, NexmarkEvent.Bid bid) {
    int rank = bid.price() < 10_000 ? 1 : bid.price() < 1_000_000 ? 2 : 3;
    acc[0]++;
    acc[rank]++;
    acc[4] = Math.min(acc[4], bid.price());
    acc[5] = Math.max(acc[5], bid.price());
    acc[6] += bid.price();
    return acc;
  }

  /** q17: a new accumulator of {@link #q17Add}. */
  static long[] q17Accumulator() {
    return new long[] {0, 0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0};
  }

  /** q17: two accumulators of {@link #q17Add} together. */
  static long[] q17Merge(long[] a, long[] b) {
    long[] m = {a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], Math.min(a[4], b[4]), Math.max(a[5], b[5]),
        a[6] + b[6]};
    return m;
  }

  /** q17: the row of an auction's day. */
  static Results.AuctionDayStats q17Row(long auction, long windowStart, long[] acc) {
    return new Results.AuctionDayStats(auction, day(windowStart), acc[0], acc[1], acc[2], acc[3], acc[4], acc[5],
        acc[6] / acc[0], acc[6]);
  }

  /** q13: the side input, as the reference generates it: key i has the value of i as text. */
  static String[] q13SideInput() {
    String[] values = new String[Q13_SIDE_INPUT_KEYS];
    for (int i = 0; i < values.length; i++) {
      values[i] = Integer.toString(i);
    }
    return values;
  }

  /** q13: a bid joined with the side input. */
  static Results.BidWithSideInput q13Row(NexmarkEvent.Bid b, String[] sideInput) {
    return new Results.BidWithSideInput(b.auction(), b.bidder(), b.price(), b.dateTime(),
        sideInput[(int) Math.floorMod(b.auction(), (long) Q13_SIDE_INPUT_KEYS)]);
  }

  /** q14: the bids kept: price in euros strictly between 1,000,000 and 50,000,000. */
  static boolean q14Keeps(NexmarkEvent.Bid b) {
    double euros = toEuro(b.price());
    return euros > 1_000_000 && euros < 50_000_000;
  }

  /** q14: the row of a kept bid. */
  static Results.ClassifiedBid q14Row(NexmarkEvent.Bid b) {
    int hour = (int) Math.floorMod(b.dateTime() / 3_600_000L, 24L); // UTC
    String type = hour >= 8 && hour <= 18 ? "dayTime" : hour <= 6 || hour >= 20 ? "nightTime" : "otherTime";
    long c = b.extra().chars().filter(ch -> ch == 'c').count();
    return new Results.ClassifiedBid(b.auction(), b.bidder(), toEuro(b.price()), type, b.dateTime(), b.extra(), c);
  }

  /**
   * q21: the channel id of a bid: a fixed one for the four hot channels, else the {@code
   * channel_id} parameter of its URL; {@code null} when it has neither (the bid is dropped).
   */
  @javax.annotation.Nullable
  static String q21ChannelId(NexmarkEvent.Bid b) {
    switch (b.channel().toLowerCase(java.util.Locale.ROOT)) {
      case "apple":
        return "0";
      case "google":
        return "1";
      case "facebook":
        return "2";
      case "baidu":
        return "3";
      default:
        java.util.regex.Matcher m = CHANNEL_ID.matcher(b.url());
        return m.find() ? m.group(2) : null;
    }
  }

  /** q21: the row of a bid with its channel id, or {@code null} when it has none (the bid is dropped). */
  @javax.annotation.Nullable
  static Results.ChannelBid q21Row(NexmarkEvent.Bid b) {
    String id = q21ChannelId(b);
    return id == null ? null : new Results.ChannelBid(b.auction(), b.bidder(), b.price(), b.channel(), id);
  }

  /** q22: the row of a bid: its URL split at '/', parts 3, 4 and 5 (counting from 0), or null. */
  static Results.DirectoryBid q22Row(NexmarkEvent.Bid b) {
    String[] parts = b.url().split("/", -1);
    return new Results.DirectoryBid(b.auction(), b.bidder(), b.price(), b.channel(), part(parts, 3), part(parts, 4),
        part(parts, 5));
  }

  @javax.annotation.Nullable
  private static String part(String[] parts, int i) {
    return i < parts.length ? parts[i] : null;
  }

  /** q6: how many of a seller's last closed auctions it averages. */
  static final int Q6_LAST = 10;

  /**
   * q6: moves the pending winners that closed by {@code time}, in order of expiry then auction
   * id, into {@code last} (the seller's last closed prices, at most ten), and returns those still
   * pending.
   */
  static List<Results.WinningBid> q6Fold(Iterable<Results.WinningBid> pending, long time, List<Long> last) {
    List<Results.WinningBid> closed = new ArrayList<>();
    List<Results.WinningBid> left = new ArrayList<>();
    for (Results.WinningBid w : pending) {
      (w.expires() <= time ? closed : left).add(w);
    }
    closed.sort(java.util.Comparator.comparingLong(Results.WinningBid::expires)
        .thenComparingLong(Results.WinningBid::auction));
    for (Results.WinningBid w : closed) {
      last.add(w.price());
      if (last.size() > Q6_LAST) {
        last.remove(0);
      }
    }
    return left;
  }

  /** q6: the average of the prices in {@code last}. */
  static double average(List<Long> last) {
    long sum = 0;
    for (long p : last) {
      sum += p;
    }
    return (double) sum / last.size();
  }

  /** q9: whether {@code bid} counts for {@code auction}: made while the auction was open. */
  static boolean q9Counts(NexmarkEvent.Auction auction, NexmarkEvent.Bid bid) {
    return bid.dateTime() >= auction.dateTime() && bid.dateTime() <= auction.expires();
  }

  /** q9: the better of two bids: the higher price, then the earlier, then the smaller bidder id. */
  static NexmarkEvent.Bid q9Better(@javax.annotation.Nullable NexmarkEvent.Bid best, NexmarkEvent.Bid bid) {
    if (best == null || bid.price() > best.price()) {
      return bid;
    }
    if (bid.price() < best.price()) {
      return best;
    }
    if (bid.dateTime() != best.dateTime()) {
      return bid.dateTime() < best.dateTime() ? bid : best;
    }
    return bid.bidder() < best.bidder() ? bid : best;
  }

  /** q9: the result row of an auction and its winning bid. */
  static Results.WinningBid q9Row(NexmarkEvent.Auction a, NexmarkEvent.Bid b) {
    return new Results.WinningBid(a.id(), a.category(), a.seller(), a.expires(), b.bidder(), b.price(), b.dateTime());
  }

  /**
   * q8: the person of a (seller, window) group, once, when the group holds the person and at
   * least one of their auctions; with the start of the window the person registered in.
   */
  static void newSellers(Iterable<NexmarkEvent.Person> persons, Iterable<NexmarkEvent.Auction> auctions,
      java.util.function.Consumer<Results.NewSeller> out) {
    if (!auctions.iterator().hasNext()) {
      return;
    }
    long size = Q8_WINDOW.toMillis();
    for (NexmarkEvent.Person p : persons) {
      out.accept(new Results.NewSeller(p.id(), p.name(), p.dateTime() - Math.floorMod(p.dateTime(), size)));
    }
  }

  /** q5: the counts of a window that have its highest count. */
  static List<Results.AuctionCount> hottest(Iterable<Results.AuctionCount> counts) {
    long max = Long.MIN_VALUE;
    for (Results.AuctionCount c : counts) {
      max = Math.max(max, c.count());
    }
    List<Results.AuctionCount> hottest = new ArrayList<>();
    for (Results.AuctionCount c : counts) {
      if (c.count() == max) {
        hottest.add(c);
      }
    }
    return hottest;
  }

  /**
   * q7: folds a bid into the bids with the highest price so far (all of them on a tie); returns
   * {@code acc} changed in place, or a new list when the bid beats them.
   */
  static ArrayList<NexmarkEvent.Bid> q7Add(ArrayList<NexmarkEvent.Bid> acc, NexmarkEvent.Bid bid) {
    if (acc.isEmpty() || bid.price() > acc.get(0).price()) {
      ArrayList<NexmarkEvent.Bid> beaten = new ArrayList<>(1);
      beaten.add(bid);
      return beaten;
    }
    if (bid.price() == acc.get(0).price()) {
      acc.add(bid);
    }
    return acc;
  }

  /** q7: the highest bids of two parts of a window. */
  static ArrayList<NexmarkEvent.Bid> q7Merge(ArrayList<NexmarkEvent.Bid> a, ArrayList<NexmarkEvent.Bid> b) {
    if (a.isEmpty() || (!b.isEmpty() && b.get(0).price() > a.get(0).price())) {
      return b;
    }
    if (!b.isEmpty() && b.get(0).price() == a.get(0).price()) {
      ArrayList<NexmarkEvent.Bid> both = new ArrayList<>(a);
      both.addAll(b);
      return both;
    }
    return a;
  }

  /** q7: the rows of a window's highest bids. */
  static List<Results.HighestBid> highestBids(List<NexmarkEvent.Bid> highest, long windowEnd) {
    List<Results.HighestBid> rows = new ArrayList<>(highest.size());
    for (NexmarkEvent.Bid b : highest) {
      rows.add(new Results.HighestBid(b.auction(), b.price(), b.bidder(), b.dateTime(), b.extra(), windowEnd));
    }
    return rows;
  }

  /** q3: whether a person lives in one of the states the query asks for. */
  static boolean q3State(String state) {
    return state.equals("OR") || state.equals("ID") || state.equals("CA");
  }

  static double toEuro(long dollars) {
    return EURO_PER_DOLLAR * dollars;
  }

  /**
   * The digest of a query's result: SHA-256 of its rows' {@code toString()}, sorted, one per
   * line. Independent of the order rows arrive in, so results of any parallelism and either
   * engine compare equal when they hold the same rows.
   */
  public static String digest(List<?> rows) {
    List<String> lines = new ArrayList<>(rows.size());
    for (Object row : rows) {
      lines.add(String.valueOf(row));
    }
    lines.sort(null);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        sha.update(line.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
