package weir.bench.source;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The time keeping of one source reader, shared by both engines' {@link WeirIndexedSource} and
 * {@link FlinkIndexedSource}: it stamps the run's first event and, when the source is paced,
 * holds each event back until it is due.
 *
 * <p>The stamps and the pace's origin are statics, shared by every reader of the JVM: each
 * engine runs a benchmark job's tasks inside the benchmark's JVM, one job per JVM, and {@link
 * #reset} clears them before a job starts.
 *
 * <p>Paced at {@code eventsPerSecond}, event {@code i} is due {@code i / eventsPerSecond} seconds
 * after the origin, which is when the first reader emits its first event. A reader that falls
 * behind emits at once, as fast as it can, until it has caught up: the schedule does not slip,
 * so latencies measured against the due times include any backlog.
 */
public final class ReaderClock {
  private static final AtomicLong FIRST_EVENT_NANOS = new AtomicLong();
  private static final AtomicLong FIRST_EVENT_CPU_NANOS = new AtomicLong();
  private static final AtomicLong ORIGIN_NANOS = new AtomicLong();

  private final double nanosPerEvent;
  private boolean started;
  private long origin;

  /** A clock for one reader; {@code eventsPerSecond} 0 means unpaced (as fast as possible). */
  public ReaderClock(long eventsPerSecond) {
    if (eventsPerSecond < 0) {
      throw new IllegalArgumentException("eventsPerSecond must be 0 (unpaced) or positive, got " + eventsPerSecond);
    }
    this.nanosPerEvent = eventsPerSecond == 0 ? 0 : 1e9 / eventsPerSecond;
  }

  /** Clears the shared stamps; called before a job starts. */
  public static void reset() {
    FIRST_EVENT_NANOS.set(0);
    FIRST_EVENT_CPU_NANOS.set(0);
    ORIGIN_NANOS.set(0);
  }

  /** {@link System#nanoTime()} at the run's first event, 0 before it. */
  public static long firstEventNanos() {
    return FIRST_EVENT_NANOS.get();
  }

  /** The process's CPU time at the run's first event, nanoseconds. */
  public static long firstEventCpuNanos() {
    return FIRST_EVENT_CPU_NANOS.get();
  }

  /** The CPU time this process has used so far, all threads, nanoseconds. */
  public static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * The pace's origin, a {@link System#nanoTime()} value: when the first reader started; event
   * {@code i} of a paced source is due {@code i / eventsPerSecond} seconds after it.
   */
  public static long originNanos() {
    return ORIGIN_NANOS.get();
  }

  /**
   * Called before the reader emits event {@code index}: stamps the first event of the run, and
   * when paced, waits until the event is due. For readers that may block their thread.
   */
  public void beforeEmit(long index) {
    if (!started) {
      start();
    }
    if (nanosPerEvent != 0) {
      long due = due(index);
      long wait;
      // parks in slices, so that a long wait still ends on time
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(1)));
      }
    }
  }

  /**
   * Whether event {@code index} may be emitted now: always when unpaced, otherwise once it is
   * due. Stamps the first event of the run. For readers that must not block their thread, and
   * return to the runtime until the event is due instead.
   */
  public boolean isDue(long index) {
    if (!started) {
      start();
    }
    return nanosPerEvent == 0 || System.nanoTime() - due(index) >= 0;
  }

  private long due(long index) {
    return origin + (long) (index * nanosPerEvent);
  }

  private void start() {
    started = true;
    long now = System.nanoTime();
    if (FIRST_EVENT_NANOS.compareAndSet(0, now)) {
      FIRST_EVENT_CPU_NANOS.set(processCpuNanos());
    }
    ORIGIN_NANOS.compareAndSet(0, now);
    origin = ORIGIN_NANOS.get();
  }
}
