package weir.bench.nexmark;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * The Nexmark event model, as a pure function of (seed, index): {@link #event(long)} gives the
 * same event for the same index in every JVM, so any number of parallel readers of disjoint index
 * ranges produce exactly the same multiset of events, and Weir's and Flink's sources produce the
 * same events.
 *
 * <p>The model follows the reference definition of the nexmark project:
 * <ul>
 *   <li>event {@code i} is a person, an auction or a bid by its place in a cycle of 50 (1 person,
 *       3 auctions, 46 bids), so entity ids follow from the index: person and auction ids count
 *       from 1000 ({@link #FIRST_PERSON_ID}, {@link #FIRST_AUCTION_ID}), categories from 10;</li>
 *   <li>sellers are mostly hot (the first person of the last block of 100 people), bids mostly go
 *       to hot auctions and come from hot bidders, the rest pick among the active people and
 *       auctions in flight, with a few ids ahead of the last one;</li>
 *   <li>prices are log-uniform between 1 and 10^6 (in cents ×100); an auction expires a random
 *       time ahead, on average twice the time it takes to create the auctions in flight;</li>
 *   <li>half the bids come from four hot channels, the rest from 10,000 channels whose URLs mostly
 *       carry a {@code channel_id} parameter;</li>
 *   <li>event time advances by {@code 1e6 / eventsPerSecond} microseconds per index from
 *       {@link Config#baseTime}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class NexmarkModel implements Serializable {
  public static final long FIRST_PERSON_ID = 1000;
  public static final long FIRST_AUCTION_ID = 1000;
  public static final long FIRST_CATEGORY_ID = 10;
  static final int PERSON_PROPORTION = 1;
  static final int AUCTION_PROPORTION = 3;
  static final int BID_PROPORTION = 46;
  static final int TOTAL_PROPORTION = PERSON_PROPORTION + AUCTION_PROPORTION + BID_PROPORTION;
  private static final int CATEGORIES = 5;
  private static final int ID_LEAD = 10;
  private static final int HOT_BLOCK = 100;
  private static final int CHANNELS = 10_000;
  /** The largest average entity size a {@link Config} may ask for. */
  static final int MAX_ENTITY_BYTES = 50_000;
  private static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};
  private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
  private static final String[] CITIES =
      {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend", "Redmond", "Seattle", "Kent", "Cheyenne"};
  private static final String[] FIRST_NAMES =
      {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"};
  private static final String[] LAST_NAMES =
      {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"};

  /**
   * The generator's settings, as in the nexmark project's defaults unless changed.
   *
   * @param seed mixed into every event's random numbers
   * @param eventsPerSecond the event-time rate: events per second of event time
   * @param baseTime the event time of event 0, epoch milliseconds
   * @param activePeople people a non-hot bid or auction may refer to
   * @param auctionsInFlight auctions a non-hot bid may go to
   * @param hotAuctionRatio a bid goes to a hot auction with probability 1 - 1/ratio
   * @param hotSellerRatio an auction has a hot seller with probability 1 - 1/ratio
   * @param hotBidderRatio a bid comes from a hot bidder with probability 1 - 1/ratio
   * @param personBytes the average size a person's {@code extra} field pads it to
   * @param auctionBytes the same for an auction
   * @param bidBytes the same for a bid
   */
  public record Config(long seed, long eventsPerSecond, long baseTime, int activePeople, int auctionsInFlight,
      int hotAuctionRatio, int hotSellerRatio, int hotBidderRatio, int personBytes, int auctionBytes, int bidBytes)
      implements Serializable {
    public Config {
      if (eventsPerSecond < 1) {
        throw new IllegalArgumentException("eventsPerSecond must be positive, got " + eventsPerSecond);
      }
      for (int bytes : new int[] {personBytes, auctionBytes, bidBytes}) {
        if (bytes < 0 || bytes > MAX_ENTITY_BYTES) {
          throw new IllegalArgumentException("entity sizes must be between 0 and " + MAX_ENTITY_BYTES
              + " bytes, got person " + personBytes + ", auction " + auctionBytes + ", bid " + bidBytes);
        }
      }
    }

    /** The defaults, with {@code eventsPerSecond} events per second of event time. */
    public static Config defaults(long seed, long eventsPerSecond) {
      return new Config(seed, eventsPerSecond, 1_700_000_000_000L, 1000, 100, 2, 4, 4, 200, 500, 100);
    }
  }

  private final Config config;
  // made once from fixed seeds: the same in every JVM
  private final String[] hotUrls;
  private final String[] channelUrls;
  private final String[] channelNames;

  public NexmarkModel(Config config) {
    this.config = config;
    SplittableRandom fixed = new SplittableRandom(0x5eed_0f_4e78L);
    this.hotUrls = new String[HOT_CHANNELS.length];
    for (int i = 0; i < hotUrls.length; i++) {
      hotUrls[i] = baseUrl(fixed);
    }
    this.channelUrls = new String[CHANNELS];
    this.channelNames = new String[CHANNELS];
    for (int i = 0; i < CHANNELS; i++) {
      String url = baseUrl(fixed);
      channelUrls[i] = fixed.nextInt(10) > 0 ? url + "&channel_id=" + Math.abs(Integer.reverse(i)) : url;
      channelNames[i] = "channel-" + i;
    }
  }

  public Config config() {
    return config;
  }

  /** The event time of event {@code index}, epoch milliseconds. */
  public long eventTime(long index) {
    return config.baseTime + (long) (index * (1_000_000.0 / config.eventsPerSecond)) / 1000;
  }

  /** The kind of event {@code index}, by its place in the cycle of 50. */
  public static NexmarkEvent.Kind kindOf(long index) {
    long offset = index % TOTAL_PROPORTION;
    return offset < PERSON_PROPORTION ? NexmarkEvent.Kind.PERSON
        : offset < PERSON_PROPORTION + AUCTION_PROPORTION ? NexmarkEvent.Kind.AUCTION : NexmarkEvent.Kind.BID;
  }

  /** Event {@code index} (0 or more). */
  public NexmarkEvent event(long index) {
    SplittableRandom random = new SplittableRandom(mix(config.seed, index));
    long time = eventTime(index);
    return switch (kindOf(index)) {
      case PERSON -> new NexmarkEvent(person(index, random, time), null, null, time);
      case AUCTION -> new NexmarkEvent(null, auction(index, random, time), null, time);
      case BID -> new NexmarkEvent(null, null, bid(index, random, time), time);
    };
  }

  private NexmarkEvent.Person person(long index, SplittableRandom random, long time) {
    long id = lastPerson(index) + FIRST_PERSON_ID;
    String name = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
    String email = string(random, 7, ' ') + "@" + string(random, 5, ' ') + ".com";
    String card = card(random.nextInt(10_000), random.nextInt(10_000), random.nextInt(10_000), random.nextInt(10_000));
    String city = CITIES[random.nextInt(CITIES.length)];
    String state = STATES[random.nextInt(STATES.length)];
    int size = 8 + name.length() + email.length() + card.length() + city.length() + state.length();
    return new NexmarkEvent.Person(id, name, email, card, city, state, time, extra(random, size, config.personBytes));
  }

  private NexmarkEvent.Auction auction(long index, SplittableRandom random, long time) {
    long id = lastAuction(index) + FIRST_AUCTION_ID;
    long seller = random.nextInt(config.hotSellerRatio) > 0
        ? (lastPerson(index) / HOT_BLOCK) * HOT_BLOCK // the first person of the last block
        : somePerson(index, random);
    seller += FIRST_PERSON_ID;
    long category = FIRST_CATEGORY_ID + random.nextInt(CATEGORIES);
    long initialBid = price(random);
    // on average twice the event time it takes to create the auctions in flight
    long eventsForInFlight = (long) config.auctionsInFlight * TOTAL_PROPORTION / AUCTION_PROPORTION;
    long horizon = eventTime(index + eventsForInFlight) - time;
    long expires = time + 1 + nextLong(random, Math.max(2 * horizon, 1));
    String name = Texts.AUCTION_NAMES[random.nextInt(Texts.POOL)];
    String description = Texts.AUCTION_DESCRIPTIONS[random.nextInt(Texts.POOL)];
    long reserve = initialBid + price(random);
    int size = 8 + name.length() + description.length() + 5 * 8;
    return new NexmarkEvent.Auction(id, name, description, initialBid, reserve, time, expires, seller, category,
        extra(random, size, config.auctionBytes));
  }

  private NexmarkEvent.Bid bid(long index, SplittableRandom random, long time) {
    long auction = random.nextInt(config.hotAuctionRatio) > 0
        ? (lastAuction(index) / HOT_BLOCK) * HOT_BLOCK
        : someAuction(index, random);
    auction += FIRST_AUCTION_ID;
    long bidder = random.nextInt(config.hotBidderRatio) > 0
        ? (lastPerson(index) / HOT_BLOCK) * HOT_BLOCK + 1 // not the hot seller
        : somePerson(index, random);
    bidder += FIRST_PERSON_ID;
    long price = price(random);
    String channel;
    String url;
    if (random.nextInt(2) > 0) {
      int hot = random.nextInt(HOT_CHANNELS.length);
      channel = HOT_CHANNELS[hot];
      url = hotUrls[hot];
    } else {
      int c = random.nextInt(CHANNELS);
      channel = channelNames[c];
      url = channelUrls[c];
    }
    return new NexmarkEvent.Bid(auction, bidder, price, channel, url, time, extra(random, 32, config.bidBytes));
  }

  /** The base-0 id of the last person created at or before event {@code index}. */
  static long lastPerson(long index) {
    long epoch = index / TOTAL_PROPORTION;
    long offset = Math.min(index % TOTAL_PROPORTION, PERSON_PROPORTION - 1);
    return epoch * PERSON_PROPORTION + offset;
  }

  /** The base-0 id of the last auction created at or before event {@code index} (-1: none yet). */
  static long lastAuction(long index) {
    long epoch = index / TOTAL_PROPORTION;
    long offset = index % TOTAL_PROPORTION;
    if (offset < PERSON_PROPORTION) {
      epoch--; // a person: the last auction of the previous cycle
      offset = AUCTION_PROPORTION - 1;
    } else if (offset >= PERSON_PROPORTION + AUCTION_PROPORTION) {
      offset = AUCTION_PROPORTION - 1; // a bid: the last auction of this cycle
    } else {
      offset -= PERSON_PROPORTION;
    }
    return epoch * AUCTION_PROPORTION + offset;
  }

  /** One of the active people, or a few ids ahead of the last one. */
  private long somePerson(long index, SplittableRandom random) {
    long people = lastPerson(index) + 1;
    long active = Math.min(people, config.activePeople);
    return people - active + nextLong(random, active + ID_LEAD);
  }

  /** One of the auctions in flight, or a few ids ahead of the last one. */
  private long someAuction(long index, SplittableRandom random) {
    long last = Math.max(lastAuction(index), 0);
    long first = Math.max(last - config.auctionsInFlight, 0);
    return first + nextLong(random, last - first + 1 + ID_LEAD);
  }

  /**
   * Log-uniform between 100 and 10^8: {@code round(10^(6u) * 100)} for a uniform {@code u}, with
   * the power interpolated in a table ({@link Texts#POWERS}) instead of a {@code Math.pow} per price
   * and is within 1.5e-6 of it (relative).
   */
  static long price(SplittableRandom random) {
    double x = random.nextDouble() * Texts.POWER_STEPS;
    int i = (int) x;
    double low = Texts.POWERS[i];
    return Math.round((low + (Texts.POWERS[i + 1] - low) * (x - i)) * 100.0);
  }

  private static long nextLong(SplittableRandom random, long bound) {
    return random.nextLong(bound);
  }

  /**
   * A credit card number as four zero-padded groups of four digits, {@code "%04d %04d %04d %04d"}
   * written out by hand: a {@code Formatter} per person cost more than all other events together.
   */
  static String card(int a, int b, int c, int d) {
    char[] chars = new char[19];
    int n = 0;
    for (int group : new int[] {a, b, c, d}) {
      if (n > 0) {
        chars[n++] = ' ';
      }
      for (int k = 3; k >= 0; k--) {
        chars[n + k] = (char) ('0' + group % 10);
        group /= 10;
      }
      n += 4;
    }
    return new String(chars);
  }

  /** 3 to {@code maxLength - 1} letters, now and then {@code special}, trimmed. */
  private static String string(SplittableRandom random, int maxLength, char special) {
    int length = 3 + random.nextInt(maxLength - 3);
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = random.nextInt(13) == 0 ? special : (char) ('a' + random.nextInt(26));
    }
    return new String(chars).trim();
  }

  /** Padding that brings an entity of {@code size} bytes to about {@code average} (±20%). */
  private String extra(SplittableRandom random, int size, int average) {
    if (size > average) {
      return "";
    }
    int wanted = average - size;
    int delta = (int) Math.round(wanted * 0.2);
    int length = wanted - delta + (delta == 0 ? 0 : random.nextInt(2 * delta));
    return Texts.padding(length, random.nextInt(Texts.VARIANTS));
  }

  /** A seed for event {@code index}: a 64-bit mix of both, so neighbouring indices are unrelated. */
  private static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Texts made once per JVM from a fixed seed and shared by all events, so that making an event
   * picks strings instead of drawing them letter by letter or copying them: the generator is work
   * both engines share, and the cheaper it is the more a run measures the engine.
   */
  static final class Texts {
    /** Auction names and descriptions to pick from. */
    static final int POOL = 1024;
    /** Paddings of each length to pick from. */
    static final int VARIANTS = 8;
    /** Paddings up to this length are made ahead; longer ones (from a larger configured size) are cut on demand. */
    static final int MAX_POOLED_PADDING = 640;
    private static final String LETTERS;
    private static final String[][] PADDINGS = new String[MAX_POOLED_PADDING + 1][VARIANTS];
    static final String[] AUCTION_NAMES = new String[POOL];
    static final String[] AUCTION_DESCRIPTIONS = new String[POOL];
    /** Steps of the table of powers of ten that prices interpolate in. */
    static final int POWER_STEPS = 4096;
    /** {@code 10^(6k / POWER_STEPS)} for k in 0 .. POWER_STEPS. */
    static final double[] POWERS = new double[POWER_STEPS + 1];

    static {
      SplittableRandom fixed = new SplittableRandom(0x7e47_5eedL);
      StringBuilder sb = new StringBuilder(1 << 16);
      for (int i = 0; i < 1 << 16; i++) {
        sb.append((char) ('a' + fixed.nextInt(26)));
      }
      LETTERS = sb.toString();
      for (int length = 0; length <= MAX_POOLED_PADDING; length++) {
        for (int v = 0; v < VARIANTS; v++) {
          PADDINGS[length][v] = cut(length, v);
        }
      }
      for (int k = 0; k <= POWER_STEPS; k++) {
        POWERS[k] = Math.pow(10.0, 6.0 * k / POWER_STEPS);
      }
      for (int i = 0; i < POOL; i++) {
        AUCTION_NAMES[i] = string(fixed, 20, ' ');
        AUCTION_DESCRIPTIONS[i] = string(fixed, 100, ' ');
      }
    }

    private Texts() {}

    /** Variant {@code v} of the letters of length {@code length}. */
    static String padding(int length, int v) {
      return length <= MAX_POOLED_PADDING ? PADDINGS[length][v] : cut(length, v);
    }

    private static String cut(int length, int v) {
      int offset = (int) ((LETTERS.length() - length) * (long) v / VARIANTS);
      return LETTERS.substring(offset, offset + length);
    }
  }

  private static String baseUrl(SplittableRandom random) {
    return "https://www.nexmark.com/" + string(random, 5, '_') + '/' + string(random, 5, '_') + '/'
        + string(random, 5, '_') + "/item.htm?query=1";
  }
}
