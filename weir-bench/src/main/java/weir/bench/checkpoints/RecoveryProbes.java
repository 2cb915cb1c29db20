package weir.bench.checkpoints;

import java.util.concurrent.atomic.AtomicLong;
import weir.bench.foundation.CheckpointProbes;
import weir.bench.foundation.Generator;

/**
 * Where the recovery job's failing map and sink leave their time stamps and sums for the runner.
 * Statics work because each engine runs the job's tasks inside the runner's JVM, and each
 * benchmark JVM runs one job; {@link #reset} clears them before the job starts. They outlive the
 * failed attempt, which is the point: the failure's time stamp is read when the restored job's
 * sink sees its first record.
 */
public final class RecoveryProbes {
  private static final AtomicLong FAILED_NANOS = new AtomicLong();
  private static final AtomicLong FIRST_AFTER_RESTORE_NANOS = new AtomicLong();
  private static final AtomicLong CHECKPOINTS_BEFORE_FAILURE = new AtomicLong();
  private static final AtomicLong SINK_COUNT = new AtomicLong();
  // the last sum the sink received per key; each key is written by one sink subtask at a time
  private static volatile long[] lastSums = new long[(int) Generator.KEYS];

  private RecoveryProbes() {}

  /** Clears the probes; call before the job starts. */
  public static void reset() {
    FAILED_NANOS.set(0);
    FIRST_AFTER_RESTORE_NANOS.set(0);
    CHECKPOINTS_BEFORE_FAILURE.set(0);
    SINK_COUNT.set(0);
    lastSums = new long[(int) Generator.KEYS];
    CheckpointProbes.reset();
  }

  /** When the failure was thrown ({@link System#nanoTime()}), or 0 if it never was. */
  public static long failedNanos() {
    return FAILED_NANOS.get();
  }

  /** When the sink of the restored job received its first record, or 0 if it never did. */
  public static long firstAfterRestoreNanos() {
    return FIRST_AFTER_RESTORE_NANOS.get();
  }

  /** Checkpoints the engine had completed when the failure was thrown. */
  public static long checkpointsBeforeFailure() {
    return CHECKPOINTS_BEFORE_FAILURE.get();
  }

  /** Records the sink received in all attempts. */
  public static long sinkCount() {
    return SINK_COUNT.get();
  }

  /** The last sum the sink received per key (read after the job has ended). */
  public static long[] lastSums() {
    return lastSums;
  }

  /** Thrown once by the failing map. */
  public static final class InjectedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFailure(long records) {
      super("injected failure after " + records + " records of this subtask");
    }
  }

  /**
   * The failing map's decision, one per map subtask: in the first attempt, once its subtask has
   * seen {@code threshold} records and the engine has completed a checkpoint, the first subtask
   * to get there throws; later attempts never throw.
   */
  public static final class FailureTrigger {
    private final boolean armed;
    private final long threshold;
    private long seen;

    /**
     * @param attempt the subtask's attempt number (0 in the first attempt)
     * @param threshold records of this subtask before the failure
     */
    public FailureTrigger(int attempt, long threshold) {
      this.armed = attempt == 0;
      this.threshold = threshold;
    }

    /** Called per record; throws {@link InjectedFailure} once per job. */
    public void onRecord() {
      if (armed && ++seen >= threshold && FAILED_NANOS.get() == 0 && CheckpointProbes.completed() > 0) {
        long checkpoints = CheckpointProbes.completed();
        if (FAILED_NANOS.compareAndSet(0, System.nanoTime())) {
          CHECKPOINTS_BEFORE_FAILURE.set(checkpoints);
          throw new InjectedFailure(seen);
        }
      }
    }
  }

  /** What a sink subtask does with each running sum, in any attempt. */
  public static final class SumRecorder {
    private final boolean restored;
    private final long[] sums = lastSums;
    private boolean stamped;
    private boolean ended;
    private long count;

    /** @param attempt the sink subtask's attempt number (0 in the first attempt) */
    public SumRecorder(int attempt) {
      this.restored = attempt > 0;
    }

    /** The sink received the running sum {@code sum} of {@code key}. */
    public void record(long key, long sum) {
      if (restored && !stamped) {
        stamped = true;
        FIRST_AFTER_RESTORE_NANOS.compareAndSet(0, System.nanoTime());
      }
      sums[(int) key] = sum;
      count++;
    }

    /** The sink subtask ended or was closed; publishes its count once. */
    public void end() {
      if (!ended) {
        ended = true;
        SINK_COUNT.addAndGet(count);
      }
    }
  }
}
