package weir.bench.windows;

import weir.bench.foundation.Generator;

/**
 * What one sink subtask folds from the window results it receives, so that two engines' outputs
 * can be compared without keeping them: the number of results, an order-independent checksum
 * (the wrapping sum of a hash of each result), and the sum of the window counts. Owned by its
 * sink subtask's thread; published once, at the end of input, with {@link WindowProbes#publish}.
 */
public final class ResultChecksum {
  // Read by WindowProbes once the sink subtask is done.
  long results;
  long checksum;
  long countTotal;

  /** Folds in one result: the count of {@code key}'s window ending (exclusive) at {@code windowEnd}. */
  public void add(long key, long windowEnd, long count) {
    results++;
    checksum += hash(key, windowEnd, count);
    countTotal += count;
  }

  /** The hash of one result: sensitive to every field and to which field holds which value. */
  public static long hash(long key, long windowEnd, long count) {
    return Generator.mix(Generator.mix(Generator.mix(key) ^ windowEnd) ^ count);
  }
}
