package weir.bench.foundation;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the checkpoints a benchmark job completed, as each engine reports them to the split
 * enumerator of the job's source ({@link FlinkSequenceSource}, {@link WeirSequenceSource}): the
 * enumerator is told once per completed checkpoint, off the record path. Statics work because the
 * engine runs the job inside the benchmark's JVM; {@link #reset} clears them before a job starts.
 */
public final class CheckpointProbes {
  private static final ConcurrentLinkedQueue<Long> COMPLETED_NANOS = new ConcurrentLinkedQueue<>();
  private static final AtomicLong COMPLETED = new AtomicLong();

  private CheckpointProbes() {}

  public static void reset() {
    COMPLETED_NANOS.clear();
    COMPLETED.set(0);
  }

  /** A checkpoint completed now; called by the source's split enumerator. */
  public static void checkpointCompleted() {
    COMPLETED_NANOS.add(System.nanoTime());
    COMPLETED.incrementAndGet();
  }

  /** Checkpoints completed since the last {@link #reset}; cheap enough to ask per record. */
  public static long completed() {
    return COMPLETED.get();
  }

  /** Checkpoints completed from {@code fromNanos} to {@code toNanos} ({@link System#nanoTime()}). */
  public static long completedBetween(long fromNanos, long toNanos) {
    long n = 0;
    for (long t : COMPLETED_NANOS) {
      if (t >= fromNanos && t <= toNanos) {
        n++;
      }
    }
    return n;
  }
}
