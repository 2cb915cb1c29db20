package weir.bench.nexmark;

import weir.api.datastream.DataStream;

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
}
