package weir.api.checkpoint;

import java.io.Serializable;
import java.time.Duration;
import weir.api.annotation.Public;

/**
 * What a job does when a task fails: stay failed, or restart every task from the latest completed
 * checkpoint (from the start when there is none) after a delay.
 *
 * <ul>
 *   <li>{@link #noRestart()}: the first failure fails the job (the default without checkpoints).
 *   <li>{@link #fixedDelay}: up to a number of restarts, each after the same delay.
 *   <li>{@link #exponentialDelay}: unlimited restarts; the delay grows by a factor after each
 *       failure up to a maximum, and falls back to the initial delay once the job has run without
 *       failure for the reset threshold (the default with checkpoints: 1 s doubling up to 1 min,
 *       reset after 1 h).
 *   <li>{@link #failureRate}: restarts after a delay unless more than a number of failures
 *       happened within a sliding interval.
 * </ul>
 *
 * @since 0.1
 */
@Public
public sealed interface RestartStrategy extends Serializable {
  /** Never restart. */
  static RestartStrategy noRestart() {
    return new NoRestart();
  }

  /** Restart at most {@code attempts} times, each {@code delay} after the failure. */
  static RestartStrategy fixedDelay(int attempts, Duration delay) {
    return new FixedDelay(attempts, delay);
  }

  /** Restart with a delay from {@code initial} growing by {@code multiplier} up to {@code max}. */
  static RestartStrategy exponentialDelay(Duration initial, Duration max, double multiplier, Duration resetThreshold) {
    return new ExponentialDelay(initial, max, multiplier, resetThreshold);
  }

  /** Restart after {@code delay} unless more than {@code maxFailures} happened within {@code interval}. */
  static RestartStrategy failureRate(int maxFailures, Duration interval, Duration delay) {
    return new FailureRate(maxFailures, interval, delay);
  }

  /** See {@link #noRestart()}. */
  record NoRestart() implements RestartStrategy {}

  /** See {@link #fixedDelay}. */
  record FixedDelay(int attempts, Duration delay) implements RestartStrategy {
    public FixedDelay {
      if (attempts < 0) {
        throw new IllegalArgumentException("The number of restart attempts must not be negative, but was " + attempts);
      }
      requireNotNegative("restart delay", delay);
    }
  }

  /** See {@link #exponentialDelay}. */
  record ExponentialDelay(Duration initial, Duration max, double multiplier, Duration resetThreshold)
      implements RestartStrategy {
    public ExponentialDelay {
      requireNotNegative("initial restart delay", initial);
      requireNotNegative("maximum restart delay", max);
      requireNotNegative("reset threshold", resetThreshold);
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("The maximum restart delay " + max + " is below the initial delay " + initial);
      }
      if (!(multiplier >= 1)) {
        throw new IllegalArgumentException("The restart delay multiplier must be at least 1, but was " + multiplier);
      }
    }
  }

  /** See {@link #failureRate}. */
  record FailureRate(int maxFailures, Duration interval, Duration delay) implements RestartStrategy {
    public FailureRate {
      if (maxFailures < 1) {
        throw new IllegalArgumentException("The maximum number of failures must be at least 1, but was " + maxFailures);
      }
      requireNotNegative("failure rate interval", interval);
      requireNotNegative("restart delay", delay);
    }
  }

  private static void requireNotNegative(String what, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException("The " + what + " must not be negative, but was " + d);
    }
  }
}
