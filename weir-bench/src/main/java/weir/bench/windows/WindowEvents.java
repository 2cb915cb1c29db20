package weir.bench.windows;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import weir.bench.source.EventSplit;
import weir.bench.foundation.Generator;

/**
 * The events of one window benchmark run, shared by every engine. Event {@code i}
 * (0 &le; i &lt; records) is a key and an event timestamp, both pure functions of {@code i}, so
 * each engine sees exactly the same events however they are read; readers read them in the
 * {@link #splits}.
 *
 * <h3>Event time</h3>
 *
 * Event time advances with the index at {@code eventsPerSecond} events per second of event time:
 * event {@code i} is due {@code base(i) = floor(i * 1000 / eventsPerSecond)} milliseconds after
 * {@link #ORIGIN_MILLIS} ({@link #dueMillis}), and its timestamp is
 * {@code ORIGIN_MILLIS + base(i) - jitter(i)}, where {@code jitter(i)} is pseudo-random in
 * [0, {@link #MAX_JITTER}]. Streams are therefore out of order by up to half a second, but nothing
 * is late under a bounded-out-of-orderness watermark of {@link #OUT_OF_ORDERNESS}: a reader reads
 * its indices in ascending order, so when it reads event {@code i}, every timestamp it has seen is
 * at most {@code ORIGIN_MILLIS + base(i)} and its watermark is below
 * {@code ORIGIN_MILLIS + base(i) - OUT_OF_ORDERNESS}, while event {@code i} is at least
 * {@code ORIGIN_MILLIS + base(i) - MAX_JITTER}. Because every split steps through the whole index
 * range (see {@link EventSplit}), all readers advance through event time together.
 *
 * <h3>Keys</h3>
 *
 * <ul>
 *   <li>{@link Workload#SLIDING}: uniform pseudo-random over [0, keys).
 *   <li>{@link Workload#SESSION}: keys take turns, so that every key has several sessions that
 *       really close during the run and open sessions stay bounded. Event time is cut into slots
 *       of {@link #SESSION_SLOT} (by {@code base(i)}); the keys are cut into
 *       {@link #SESSION_GROUPS} groups by {@code key % SESSION_GROUPS}; in slot {@code s} only
 *       group {@code s % SESSION_GROUPS} is active, and an event takes a uniform pseudo-random key
 *       of that group. A key is thus active 2 s out of every 8 s. Within a slot, its events span
 *       less than {@code SESSION_SLOT + MAX_JITTER} = 2.5 s, less than the 5 s session gap, so
 *       they form one session; between two active slots it is silent for more than
 *       {@code (SESSION_GROUPS - 1) * SESSION_SLOT - MAX_JITTER} = 5.5 s, more than the gap, so
 *       the session closes. At the default 1M events/s and 100k keys a key gets about 80 events
 *       per active slot, so each key has one session per active slot (one every 8 s of event time,
 *       8M events), at most two open at a time (the last one may not have fired yet when
 *       the key comes back).
 * </ul>
 *
 * @param workload which key distribution to use
 * @param records number of events, at least 1
 * @param keys number of distinct keys, at least {@link #SESSION_GROUPS} and below 2^31
 * @param eventsPerSecond events per second of event time, at least 1
 */
public record WindowEvents(Workload workload, long records, long keys, long eventsPerSecond)
    implements Serializable {

  /** Timestamp of event 0 before jitter: 2024-01-01T00:00:00Z, a whole second in epoch millis. */
  public static final long ORIGIN_MILLIS = 1_704_067_200_000L;

  /** Largest amount by which an event's timestamp is earlier than its due time. */
  public static final Duration MAX_JITTER = Duration.ofMillis(500);

  /** The out-of-orderness bound of the watermark strategy of every engine. */
  public static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(1);

  /** Length of the event-time slots in which one group of keys is active (session workload). */
  public static final Duration SESSION_SLOT = Duration.ofSeconds(2);

  /** Number of key groups taking turns (session workload). */
  public static final int SESSION_GROUPS = 4;

  public static final long DEFAULT_KEYS = 100_000L;
  public static final long DEFAULT_EVENTS_PER_SECOND = 1_000_000L;

  private static final long serialVersionUID = 1L;
  private static final long JITTER_SALT = 0x5DEECE66DL;
  private static final long MAX_JITTER_MILLIS = MAX_JITTER.toMillis();
  private static final long SLOT_MILLIS = SESSION_SLOT.toMillis();

  static {
    // The two properties the design above relies on; fail at class load if a constant is changed.
    if (MAX_JITTER.compareTo(OUT_OF_ORDERNESS) >= 0) {
      throw new ExceptionInInitializerError("MAX_JITTER must be below OUT_OF_ORDERNESS");
    }
    if ((SESSION_GROUPS - 1) * SLOT_MILLIS - MAX_JITTER_MILLIS <= Workload.SESSION_GAP.toMillis()
        || SLOT_MILLIS + MAX_JITTER_MILLIS >= Workload.SESSION_GAP.toMillis()) {
      throw new ExceptionInInitializerError(
          "session slots must be shorter than the session gap, and the silence between them longer");
    }
  }

  public WindowEvents {
    if (workload == null) {
      throw new IllegalArgumentException("workload must not be null");
    }
    if (records < 1) {
      throw new IllegalArgumentException("records must be positive, got " + records);
    }
    if (keys < SESSION_GROUPS || keys > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "keys must be in [" + SESSION_GROUPS + ", " + Integer.MAX_VALUE + "], got " + keys);
    }
    if (eventsPerSecond < 1) {
      throw new IllegalArgumentException("eventsPerSecond must be positive, got " + eventsPerSecond);
    }
  }

  /** The events dealt out to {@code readers} readers: split {@code s} is for reader {@code s}. */
  public List<EventSplit> splits(int readers) {
    return EventSplit.plan(records, readers);
  }

  /** Milliseconds after {@link #ORIGIN_MILLIS} at which event {@code i} is due, before jitter. */
  public long dueMillis(long i) {
    return i * 1000 / eventsPerSecond;
  }

  /** Event timestamp of event {@code i}, epoch milliseconds. */
  public long timestamp(long i) {
    return ORIGIN_MILLIS + dueMillis(i) - below(Generator.mix(i ^ JITTER_SALT), MAX_JITTER_MILLIS + 1);
  }

  /** Key of event {@code i}, in [0, keys). */
  public long key(long i) {
    long r = Generator.mix(i);
    if (workload == Workload.SLIDING) {
      return below(r, keys);
    }
    // floor(dueMillis(i) / SLOT_MILLIS) in one division
    long group = (i * 1000 / (eventsPerSecond * SLOT_MILLIS)) % SESSION_GROUPS;
    long groupSize = (keys - 1 - group) / SESSION_GROUPS + 1;
    return group + SESSION_GROUPS * below(r, groupSize);
  }

  /**
   * Maps the pseudo-random {@code r} to [0, bound) by a multiply instead of a division: the top 63
   * bits of {@code r}, as a fraction of 2^63, times {@code bound}. Needs bound &lt; 2^62.
   */
  private static long below(long r, long bound) {
    return Math.multiplyHigh(r >>> 1, bound << 1);
  }
}
