package weir.bench.nexmark;

import java.util.Arrays;
import org.HdrHistogram.Histogram;
import weir.bench.source.ReaderClock;

/**
 * What one sink subtask of a Nexmark benchmark run keeps of the rows it received: their number,
 * an order-independent digest, and, in latency mode, a histogram of their latencies. Published to
 * {@link NexmarkProbes} at end of input.
 *
 * <p>The digest of a multiset of rows is the sum of a 64-bit mix of each row's {@code hashCode()}
 * (the result rows are records of numbers, strings and lists, whose hash codes are the same in
 * every JVM of one JDK), so it does not depend on the order rows arrive in, and it is cheap enough
 * to take on every row of a 10M-event run. For an upsert query only the last row per key counts:
 * the subtask keeps the hash of each key's latest row in an open-addressing table, and the digest
 * is taken over (key, row hash) pairs at the end. (The quick tier of the test suite compares the
 * stronger {@link Queries#digest}, SHA-256 over the sorted rows.)
 */
final class ResultDigest {
  private static final long EMPTY = Long.MIN_VALUE;

  private final NexmarkQuery query;
  private final Histogram latencies;
  private final long originEventTime;
  // wall-clock nanoseconds of pace per millisecond of event time
  private final double nanosPerEventMilli;
  private final long warmupNanos;
  long rows;
  long sum;
  // upserts: keys and row hashes, open addressing with linear probing; EMPTY marks a free slot
  private long[] keys;
  private long[] hashes;
  private int size;

  /**
   * A subtask's digest for {@code spec}'s query. In latency mode ({@link Spec#pace} &gt; 0) it
   * also records, for each row with a due event time ({@link NexmarkQuery#dueEventTime}), how long
   * after the first event of that time was due the row arrived; rows due in the warm-up, and rows
   * that arrive before they are due (fired early by the end of input), are not recorded.
   */
  ResultDigest(Spec spec) {
    this.query = spec.query();
    this.originEventTime = spec.originEventTime();
    // event time t is reached at index (t - origin) * eventRate / 1000, due index / pace seconds in
    this.nanosPerEventMilli = spec.pace() > 0 ? spec.eventRate() / 1000.0 * 1e9 / spec.pace() : 0;
    this.warmupNanos = spec.warmupMillis() * 1_000_000L;
    this.latencies = spec.pace() > 0 ? new Histogram(3) : null;
    if (query.upserts()) {
      keys = new long[1 << 16];
      hashes = new long[1 << 16];
      Arrays.fill(keys, EMPTY);
    }
  }

  /**
   * What a digest sink needs to make each subtask's digest; the same for both engines.
   *
   * @param query the query whose rows are digested
   * @param originEventTime the event time of event 0
   * @param eventRate events per second of event time
   * @param pace events per second of wall-clock time in latency mode, 0 otherwise
   * @param warmupMillis latency mode: rows due within this long of the first event are not recorded
   */
  record Spec(NexmarkQuery query, long originEventTime, long eventRate, long pace, long warmupMillis)
      implements java.io.Serializable {}

  /** Takes one row into account. */
  void add(Object row) {
    rows++;
    long hash = mix(row.hashCode());
    if (keys != null) {
      put(query.upsertKey(row), hash);
    } else {
      sum += hash;
    }
    if (latencies != null) {
      long eventTime = query.dueEventTime(row);
      if (eventTime != Long.MIN_VALUE) {
        // the first event read with this event time was due at its index over the pace
        long sinceOrigin = (long) ((eventTime - originEventTime) * nanosPerEventMilli);
        long late = System.nanoTime() - (ReaderClock.originNanos() + sinceOrigin);
        if (sinceOrigin >= warmupNanos && late >= 0) {
          latencies.recordValue(late / 1000);
        }
      }
    }
  }

  /** The digest of the rows so far: over all rows, or over the last row per key of an upsert query. */
  long digest() {
    if (keys == null) {
      return sum;
    }
    long d = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        d += mix(keys[i] * 0x9E3779B97F4A7C15L ^ hashes[i]);
      }
    }
    return d;
  }

  /** The latencies in microseconds, or {@code null} when not in latency mode. */
  Histogram latencies() {
    return latencies;
  }

  private void put(long key, long hash) {
    if (key == EMPTY) {
      throw new IllegalArgumentException("upsert key " + key + " is reserved");
    }
    int mask = keys.length - 1;
    int i = (int) mix(key) & mask;
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] == EMPTY) {
      keys[i] = key;
      if (++size * 2 > keys.length) {
        hashes[i] = hash;
        grow();
        return;
      }
    }
    hashes[i] = hash;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldHashes = hashes;
    keys = new long[oldKeys.length * 2];
    hashes = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        put(oldKeys[i], oldHashes[i]);
      }
    }
  }

  /** The splitmix64 finalizer: spreads a hash over 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
