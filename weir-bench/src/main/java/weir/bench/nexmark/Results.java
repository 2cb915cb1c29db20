package weir.bench.nexmark;

import java.io.Serializable;

/** The result rows of the Nexmark queries, the same types on both engines. */
public final class Results {
  private Results() {}

  /** q1: a bid with its price in euros. */
  public record EuroBid(long auction, long bidder, double price, long dateTime, String extra) implements Serializable {}

  /** q3: a seller in Oregon, Idaho or California and an auction of theirs in category 10. */
  public record LocalItem(String name, String city, String state, long auction) implements Serializable {}

  /** q7: a bid with the highest price of its window, and the window's end. */
  public record HighestBid(long auction, long price, long bidder, long dateTime, String extra, long windowEnd)
      implements Serializable {}

  /** q5: the number of bids on an auction in the window that ends at {@code windowEnd}. */
  public record AuctionCount(long auction, long count, long windowEnd) implements Serializable {}

  /** q8: a person who opened an auction in the 10 s window in which they registered. */
  public record NewSeller(long id, String name, long windowStart) implements Serializable {}

  /** q9: an auction and its winning bid. */
  public record WinningBid(long auction, long category, long seller, long expires, long bidder, long price,
      long bidTime) implements Serializable {}

  /** q4: the average winning price of the auctions of a category closed by {@code time}. */
  public record CategoryAverage(long category, long time, double average) implements Serializable {}

  /** q14: a bid in euros with the time of day it was made and the number of 'c's in its extra. */
  public record ClassifiedBid(long auction, long bidder, double price, String bidTimeType, long dateTime, String extra,
      long cCounts) implements Serializable {}

  /** q21: a bid with the id of its channel. */
  public record ChannelBid(long auction, long bidder, long price, String channel, String channelId)
      implements Serializable {}

  /** q22: a bid with the first three directories of its URL. */
  public record DirectoryBid(long auction, long bidder, long price, String channel, String dir1, String dir2,
      String dir3) implements Serializable {}

  /** q11: the number of bids of a bidder's session and the session's bounds. */
  public record BidderSession(long bidder, long bidCount, long start, long end) implements Serializable {}

  /** q12: the number of bids of a bidder in a processing-time window and the window's bounds. */
  public record BidderWindowCount(long bidder, long bidCount, long start, long end) implements Serializable {}

  /** q13: a bid with the side input's value for its auction. */
  public record BidWithSideInput(long auction, long bidder, long price, long dateTime, String value)
      implements Serializable {}

  /** q20: a bid with its auction. */
  public record BidWithAuction(NexmarkEvent.Bid bid, NexmarkEvent.Auction auction) implements Serializable {}

  /**
   * q15 and q16: a day's bids, distinct bidders and distinct auctions, in total and by price
   * rank; {@code channel} is {@code null} for q15.
   */
  public record DayStats(String day, String channel, long totalBids, long rank1Bids, long rank2Bids, long rank3Bids,
      long totalBidders, long rank1Bidders, long rank2Bidders, long rank3Bidders, long totalAuctions,
      long rank1Auctions, long rank2Auctions, long rank3Auctions) implements Serializable {}

  /** q17: an auction's bids of one day, by price rank, and their price statistics. */
  public record AuctionDayStats(long auction, String day, long totalBids, long rank1Bids, long rank2Bids,
      long rank3Bids, long minPrice, long maxPrice, long avgPrice, long sumPrice) implements Serializable {}

  /** q18: the latest bid of a bidder on an auction so far; an upsert keyed by (bidder, auction). */
  public record LastBid(long bidder, long auction, NexmarkEvent.Bid bid) implements Serializable {}

  /** q19: the ten best bids on an auction so far, best first; an upsert keyed by auction. */
  public record TopBids(long auction, java.util.List<NexmarkEvent.Bid> top) implements Serializable {}

  /** q6: the average price of a seller's last (at most) ten auctions closed by {@code time}. */
  public record SellerAverage(long seller, long time, double average) implements Serializable {}

  /** q2: an auction and a bid's price. */
  public record AuctionPrice(long auction, long price) implements Serializable {}
}
