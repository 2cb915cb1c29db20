package weir.bench.foundation;

/**
 * The records and per-record functions of the foundation benchmark, shared by every engine.
 *
 * <p>Every record is a pure function of its index {@code i} (0 &le; i &lt; n), so each engine
 * sees exactly the same data regardless of how the index range is split between subtasks, and the
 * expected sink counts can be computed independently of any engine.
 *
 * <ul>
 *   <li>stateless: {@code longValue(i)} &rarr; {@link #statelessMap} &rarr; keep if
 *       {@link #statelessFilter} &rarr; discard.
 *   <li>keyed: {@code (key(i), value(i))} &rarr; keyBy(key) &rarr; running sum of value per key
 *       (one updated aggregate emitted per input record) &rarr; discard.
 * </ul>
 */
public final class Generator {

  /** Number of distinct keys of the keyed pipeline. */
  public static final long KEYS = 1_000_000L;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long MIX = 0xD6E8FEB86659FD93L;

  private Generator() {}

  /** A cheap 64-bit mix of the index (multiply, xor-shift, multiply, xor-shift). */
  public static long mix(long i) {
    long z = i * GOLDEN;
    z ^= z >>> 32;
    z *= MIX;
    return z ^ (z >>> 32);
  }

  /** Record {@code i} of the stateless pipeline. */
  public static long longValue(long i) {
    return mix(i);
  }

  /** The map step of the stateless pipeline. */
  public static long statelessMap(long x) {
    return x * 3 + 1;
  }

  /** The filter step of the stateless pipeline: keeps about half of the records. */
  public static boolean statelessFilter(long x) {
    return (x & 1L) == 0;
  }

  /** Key of record {@code i} of the keyed pipeline, in [0, {@link #KEYS}). */
  public static long key(long i) {
    return Long.remainderUnsigned(mix(i), KEYS);
  }

  /** Value of record {@code i} of the keyed pipeline, in [0, 100). */
  public static long value(long i) {
    return i % 100;
  }

  /**
   * Number of records the stateless pipeline must deliver to its sink for indices [0, n):
   * computed by applying the same three functions in a plain loop.
   */
  public static long expectedStatelessCount(long n) {
    long kept = 0;
    for (long i = 0; i < n; i++) {
      if (statelessFilter(statelessMap(longValue(i)))) {
        kept++;
      }
    }
    return kept;
  }

  /**
   * The final running sum of every key of the keyed pipeline over indices [0, n), indexed by key:
   * computed in a plain loop.
   */
  public static long[] expectedKeyedSums(long n) {
    long[] sums = new long[(int) KEYS];
    for (long i = 0; i < n; i++) {
      sums[(int) key(i)] += value(i);
    }
    return sums;
  }

  /** Number of records the keyed pipeline must deliver to its sink: one per input record. */
  public static long expectedKeyedCount(long n) {
    return n;
  }
}
