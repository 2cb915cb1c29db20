package weir.runtime.task;

import java.util.concurrent.locks.LockSupport;

/**
 * How a worker waits when none of its tasklets made progress: spin briefly, then yield, then park
 * with a growing timeout up to a cap. The one place where workers idle.
 *
 * <p>Owned by one worker thread.
 */
final class IdleStrategy {
  private static final int MAX_SPINS = 20;
  private static final int MAX_YIELDS = 10;
  private static final long MIN_PARK_NANOS = 1_000;
  private static final long MAX_PARK_NANOS = 1_000_000;

  private int idleCount;
  private long parkNanos = MIN_PARK_NANOS;

  void idle() {
    idleCount++;
    if (idleCount <= MAX_SPINS) {
      Thread.onSpinWait();
    } else if (idleCount <= MAX_SPINS + MAX_YIELDS) {
      Thread.yield();
    } else {
      LockSupport.parkNanos(parkNanos);
      parkNanos = Math.min(parkNanos * 2, MAX_PARK_NANOS);
    }
  }

  void reset() {
    idleCount = 0;
    parkNanos = MIN_PARK_NANOS;
  }
}
