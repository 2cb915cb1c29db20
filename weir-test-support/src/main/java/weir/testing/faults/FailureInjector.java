package weir.testing.faults;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import weir.api.functions.MapFunction;
import weir.api.functions.RuntimeContext;
import weir.api.metrics.Counter;
import weir.api.state.CheckpointListener;
import weir.api.state.CheckpointedFunction;
import weir.api.state.FunctionInitializationContext;
import weir.api.state.FunctionSnapshotContext;

/**
 * An identity map that fails its subtask on purpose: in each of the first {@code failures}
 * attempts of the job, at a point drawn from {@code seed}, the attempt and the subtask (so a seed
 * replays the same failures) among the allowed {@link Point}s, after a number of records drawn
 * uniformly from 1 to {@code maxRecordsBetween}. Put it anywhere in a job with {@code
 * .map(injector)}; with {@code failures} 0 it only passes records on. Each failure counts in the
 * job's counter {@link #FAILURES}.
 *
 * <p>A failure planned at a checkpoint point happens only if such a checkpoint comes in the
 * attempt after the drawn number of records; an attempt that ends first has no failure.
 *
 * @param <T> the record type
 * @since 0.1
 */
public final class FailureInjector<T> implements MapFunction<T, T>, CheckpointedFunction, CheckpointListener {
  /** The job counter of injected failures. */
  public static final String FAILURES = "weir.injected-failures";

  /** Where in a subtask's work a failure is injected. */
  public enum Point {
    /** While processing a record: the map throws. */
    RECORD,
    /**
     * In the middle of a checkpoint: after the barrier reached the subtask, while its state is
     * being snapshotted, before it acknowledged the checkpoint.
     */
    SNAPSHOT,
    /**
     * After a checkpoint completed (every subtask acknowledged it), when the subtask hears of it:
     * before sinks chained after the injector commit what the checkpoint covers, so the commit
     * must happen after the restore.
     */
    COMMIT,
    /** While the subtask starts again from a checkpoint, as its state is restored. */
    RESTORE
  }

  private final long seed;
  private final int failures;
  private final long maxRecordsBetween;
  private final Set<Point> points;
  private transient long failAt;
  private transient Point point;
  private transient long seen;
  private transient Counter injected;

  /** Fails while processing records only; see the class description. {@code failures} 0 injects none. */
  public FailureInjector(long seed, int failures, long maxRecordsBetween) {
    this(seed, failures, maxRecordsBetween, EnumSet.of(Point.RECORD));
  }

  /** Fails at the given points, one drawn per failing attempt; see the class description. */
  public FailureInjector(long seed, int failures, long maxRecordsBetween, Set<Point> points) {
    if (failures < 0 || maxRecordsBetween < 1) {
      throw new IllegalArgumentException("Need failures >= 0 and maxRecordsBetween >= 1, but got " + failures + " and "
          + maxRecordsBetween);
    }
    if (points.isEmpty()) {
      throw new IllegalArgumentException("Give at least one failure point, e.g. Point.RECORD");
    }
    this.seed = seed;
    this.failures = failures;
    this.maxRecordsBetween = maxRecordsBetween;
    this.points = EnumSet.copyOf(points);
  }

  @Override
  public void initializeState(FunctionInitializationContext context) {
    RuntimeContext ctx = context.getRuntimeContext();
    injected = ctx.getCounter(FAILURES);
    int attempt = ctx.getAttemptNumber();
    point = null;
    failAt = -1;
    if (attempt < failures) {
      SplittableRandom random = new SplittableRandom(seed * 1_000_003L + attempt * 31L + ctx.getSubtaskIndex());
      failAt = 1 + random.nextLong(maxRecordsBetween);
      List<Point> allowed = List.copyOf(points);
      point = allowed.get(random.nextInt(allowed.size()));
      if (point == Point.RESTORE) {
        if (context.isRestored()) {
          fail("while restoring from a checkpoint");
        }
        point = Point.RECORD; // a fresh start has nothing to restore
      }
    }
  }

  @Override
  public T map(T value) {
    if (++seen == failAt && point == Point.RECORD) {
      fail("after " + seen + " records");
    }
    return value;
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) {
    if (point == Point.SNAPSHOT && seen >= failAt) {
      fail("while snapshotting for checkpoint " + context.getCheckpointId() + ", after " + seen + " records");
    }
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    if (point == Point.COMMIT && seen >= failAt) {
      fail("when checkpoint " + checkpointId + " completed, before its commit, after " + seen + " records");
    }
  }

  private void fail(String where) {
    point = null;
    injected.inc();
    throw new InjectedFailure("Injected failure " + where + " (seed " + seed + ")");
  }
}
