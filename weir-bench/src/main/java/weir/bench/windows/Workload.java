package weir.bench.windows;

import java.time.Duration;
import java.util.Locale;

/**
 * The two workloads of the window benchmark: a per-key count over event-time windows, sliding or
 * session. The window parameters live here so that every engine uses the same ones.
 */
public enum Workload {
  /** Sliding event-time windows of {@link #SLIDING_SIZE}, one starting every {@link #SLIDING_SLIDE}. */
  SLIDING,
  /** Event-time session windows that close after {@link #SESSION_GAP} without an event of the key. */
  SESSION;

  public static final Duration SLIDING_SIZE = Duration.ofSeconds(10);
  public static final Duration SLIDING_SLIDE = Duration.ofSeconds(1);
  public static final Duration SESSION_GAP = Duration.ofSeconds(5);

  /** The name used on command lines and in results: {@code sliding} or {@code session}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The workload named {@code label}, or null if there is none. */
  public static Workload byLabel(String label) {
    for (Workload w : values()) {
      if (w.label().equals(label)) {
        return w;
      }
    }
    return null;
  }

  /**
   * The sum of the counts of all windows when no event is dropped as late: each event is in
   * {@code size / slide} sliding windows, and in exactly one session.
   */
  public long expectedCountTotal(long records) {
    return this == SLIDING ? records * (SLIDING_SIZE.toMillis() / SLIDING_SLIDE.toMillis()) : records;
  }
}
