package weir.bench.nexmark;

import java.io.Serializable;
import java.util.HashSet;

/**
 * The accumulator of q15 and q16: bids, distinct bidders and distinct auctions of one day (and
 * channel, for q16), in total and by price rank (rank 1: price < 10,000; rank 2: < 1,000,000;
 * rank 3: the rest). A mutable bean with public fields, so that both engines can serialize it.
 */
public final class DailyStats implements Serializable {
  public long[] bids = new long[4];
  public HashSet<Long> bidders0 = new HashSet<>();
  public HashSet<Long> bidders1 = new HashSet<>();
  public HashSet<Long> bidders2 = new HashSet<>();
  public HashSet<Long> bidders3 = new HashSet<>();
  public HashSet<Long> auctions0 = new HashSet<>();
  public HashSet<Long> auctions1 = new HashSet<>();
  public HashSet<Long> auctions2 = new HashSet<>();
  public HashSet<Long> auctions3 = new HashSet<>();

  /** Counts a bid. */
  public DailyStats add(NexmarkEvent.Bid bid) {
    int rank = bid.price() < 10_000 ? 1 : bid.price() < 1_000_000 ? 2 : 3;
    bids[0]++;
    bids[rank]++;
    bidders0.add(bid.bidder());
    auctions0.add(bid.auction());
    bidders(rank).add(bid.bidder());
    auctions(rank).add(bid.auction());
    return this;
  }

  /** Adds what {@code other} counted. */
  public DailyStats merge(DailyStats other) {
    for (int i = 0; i < 4; i++) {
      bids[i] += other.bids[i];
      bidders(i).addAll(other.bidders(i));
      auctions(i).addAll(other.auctions(i));
    }
    return this;
  }

  private HashSet<Long> bidders(int rank) {
    return rank == 0 ? bidders0 : rank == 1 ? bidders1 : rank == 2 ? bidders2 : bidders3;
  }

  private HashSet<Long> auctions(int rank) {
    return rank == 0 ? auctions0 : rank == 1 ? auctions1 : rank == 2 ? auctions2 : auctions3;
  }

  /** The result row for {@code day} and {@code channel} ({@code null} for q15). */
  public Results.DayStats result(String day, String channel) {
    return new Results.DayStats(day, channel, bids[0], bids[1], bids[2], bids[3], bidders0.size(), bidders1.size(),
        bidders2.size(), bidders3.size(), auctions0.size(), auctions1.size(), auctions2.size(), auctions3.size());
  }
}
