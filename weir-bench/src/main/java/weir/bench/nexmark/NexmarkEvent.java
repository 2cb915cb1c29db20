package weir.bench.nexmark;

import java.io.Serializable;
import javax.annotation.Nullable;

/**
 * One event of the Nexmark model: exactly one of {@code person}, {@code auction} and {@code bid}
 * is set. A plain record with three nullable fields, so that both engines can serialize it
 * without a union type.
 *
 * @param eventTime the event's timestamp in epoch milliseconds (also in the entity's own field)
 */
public record NexmarkEvent(@Nullable Person person, @Nullable Auction auction, @Nullable Bid bid, long eventTime)
    implements Serializable {

  /** A new user of the auction site. */
  public record Person(long id, String name, String emailAddress, String creditCard, String city, String state,
      long dateTime, String extra) implements Serializable {}

  /** An item put up for auction. */
  public record Auction(long id, String itemName, String description, long initialBid, long reserve, long dateTime,
      long expires, long seller, long category, String extra) implements Serializable {}

  /** A bid on an auction. */
  public record Bid(long auction, long bidder, long price, String channel, String url, long dateTime, String extra)
      implements Serializable {}

  /** The kind of an event. */
  public enum Kind { PERSON, AUCTION, BID }

  /** Which of the three this event is. */
  public Kind kind() {
    return person != null ? Kind.PERSON : auction != null ? Kind.AUCTION : Kind.BID;
  }
}
