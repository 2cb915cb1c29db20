package weir.bench.nexmark;

import org.apache.flink.streaming.api.datastream.DataStream;

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
}
