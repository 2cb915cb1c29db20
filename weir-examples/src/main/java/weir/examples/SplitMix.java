package weir.examples;

/**
 * Stateless pseudo-random numbers for the examples' generators, which must be pure functions of
 * the record index: the SplitMix64 finalizer turns consecutive indexes into well-spread 64-bit
 * values.
 */
final class SplitMix {
  private SplitMix() {}

  /** A well-mixed 64-bit value derived from {@code seed}. */
  static long mix(long seed) {
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A value in [0, 1) from the top 53 bits of {@code hash}. */
  static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }
}
