package weir.runtime.executor;

import java.time.Duration;
import java.util.ArrayDeque;
import javax.annotation.Nullable;
import weir.api.checkpoint.RestartStrategy;

/**
 * Decides, failure by failure, whether a job restarts and after which delay, following its
 * {@link RestartStrategy}. Not thread-safe: the job run calls it from one thread at a time.
 */
public final class RestartPolicy {
  private final RestartStrategy strategy;
  private final ArrayDeque<Long> failureTimes = new ArrayDeque<>();
  private int restarts;
  private long currentDelayMillis = -1;
  private long lastFailureMillis = -1;

  public RestartPolicy(RestartStrategy strategy) {
    this.strategy = strategy;
  }

  /** The delay before restarting after a failure at {@code nowMillis}, or {@code null}: stay failed. */
  @Nullable
  public Duration onFailure(long nowMillis) {
    Duration delay = null;
    if (strategy instanceof RestartStrategy.FixedDelay f) {
      delay = restarts < f.attempts() ? f.delay() : null;
    } else if (strategy instanceof RestartStrategy.ExponentialDelay e) {
      delay = exponential(e, nowMillis);
    } else if (strategy instanceof RestartStrategy.FailureRate r) {
      delay = failureRate(r, nowMillis);
    }
    lastFailureMillis = nowMillis;
    if (delay != null) {
      restarts++;
    }
    return delay;
  }

  private Duration exponential(RestartStrategy.ExponentialDelay e, long now) {
    boolean reset = currentDelayMillis < 0
        || (lastFailureMillis >= 0 && now - lastFailureMillis >= e.resetThreshold().toMillis());
    if (reset) {
      currentDelayMillis = e.initial().toMillis();
    } else {
      currentDelayMillis = Math.min(e.max().toMillis(), (long) Math.ceil(currentDelayMillis * e.multiplier()));
    }
    return Duration.ofMillis(currentDelayMillis);
  }

  @Nullable
  private Duration failureRate(RestartStrategy.FailureRate r, long now) {
    failureTimes.addLast(now);
    while (!failureTimes.isEmpty() && now - failureTimes.peekFirst() > r.interval().toMillis()) {
      failureTimes.pollFirst();
    }
    return failureTimes.size() > r.maxFailures() ? null : r.delay();
  }

  /** How many restarts were granted. */
  public int restarts() {
    return restarts;
  }
}
