package weir.testing.faults;

import java.util.SplittableRandom;
import weir.api.functions.AbstractRichFunction;
import weir.api.functions.MapFunction;
import weir.api.functions.RuntimeContext;
import weir.api.metrics.Counter;

/**
 * An identity map that fails its subtask on purpose: in each of the first {@code failures}
 * attempts of the job, after a number of records drawn from {@code seed}, the attempt and the
 * subtask (so a seed replays the same failures), uniformly from 1 to {@code maxRecordsBetween}.
 * Put it anywhere in a job with {@code .map(injector)}; with {@code failures} 0 it only passes
 * records on. Each failure counts in the job's counter {@link #FAILURES}.
 *
 * @param <T> the record type
 * @since 0.1
 */
public final class FailureInjector<T> extends AbstractRichFunction implements MapFunction<T, T> {
  /** The job counter of injected failures. */
  public static final String FAILURES = "weir.injected-failures";

  private final long seed;
  private final int failures;
  private final long maxRecordsBetween;
  private transient long failAt;
  private transient long seen;
  private transient Counter injected;

  /** See the class description; {@code failures} 0 injects none. */
  public FailureInjector(long seed, int failures, long maxRecordsBetween) {
    if (failures < 0 || maxRecordsBetween < 1) {
      throw new IllegalArgumentException("Need failures >= 0 and maxRecordsBetween >= 1, but got " + failures + " and "
          + maxRecordsBetween);
    }
    this.seed = seed;
    this.failures = failures;
    this.maxRecordsBetween = maxRecordsBetween;
  }

  @Override
  public void open(RuntimeContext ctx) {
    injected = ctx.getCounter(FAILURES);
    int attempt = ctx.getAttemptNumber();
    failAt = attempt < failures
        ? 1 + new SplittableRandom(seed * 1_000_003L + attempt * 31L + ctx.getSubtaskIndex()).nextLong(maxRecordsBetween)
        : -1;
  }

  @Override
  public T map(T value) {
    if (++seen == failAt) {
      injected.inc();
      throw new InjectedFailure("Injected failure after " + seen + " records (seed " + seed + ")");
    }
    return value;
  }
}
