package weir.bench.windows;

import java.util.concurrent.atomic.AtomicLong;
import weir.bench.foundation.RunResult;

/**
 * Where a window job's subtasks leave their time stamps and result checksums for the runner.
 * Statics work because each engine runs the job's tasks inside the runner's JVM, and each
 * benchmark JVM runs one job; {@link #reset} clears them before a job starts.
 */
public final class WindowProbes {
  private static final AtomicLong FIRST_RECORD_NANOS = new AtomicLong();
  private static final AtomicLong END_NANOS = new AtomicLong();
  private static final AtomicLong RESULTS = new AtomicLong();
  private static final AtomicLong CHECKSUM = new AtomicLong();
  private static final AtomicLong COUNT_TOTAL = new AtomicLong();

  private WindowProbes() {}

  public static void reset() {
    FIRST_RECORD_NANOS.set(0);
    END_NANOS.set(0);
    RESULTS.set(0);
    CHECKSUM.set(0);
    COUNT_TOTAL.set(0);
  }

  /**
   * Called once per source subtask, on its first event (callers keep their own flag, so that this
   * is not a shared-memory operation per event); the earliest call wins.
   */
  public static void markFirstRecord() {
    FIRST_RECORD_NANOS.compareAndSet(0, System.nanoTime());
  }

  /** Called once per sink subtask when its input has ended: stamps the time and adds its sums. */
  public static void publish(ResultChecksum sinkSubtask) {
    END_NANOS.accumulateAndGet(System.nanoTime(), Math::max);
    RESULTS.addAndGet(sinkSubtask.results);
    CHECKSUM.addAndGet(sinkSubtask.checksum);
    COUNT_TOTAL.addAndGet(sinkSubtask.countTotal);
  }

  /** The outcome of the job that just completed; {@code executeCalledNanos} as in {@link RunResult}. */
  public static WindowRunResult result(WindowEvents events, long executeCalledNanos) {
    return new WindowRunResult(
        RunResult.ofProbes(
            events.records(), FIRST_RECORD_NANOS.get(), END_NANOS.get(), executeCalledNanos, RESULTS.get()),
        CHECKSUM.get(),
        COUNT_TOTAL.get());
  }
}
