package weir.runtime.state;

/**
 * A clock that keyed state reads, in milliseconds: the subtask's processing time or the
 * operator's event time ({@link WatermarkClock}). State time-to-live measures on one of them.
 * Read on the subtask's thread only.
 */
@FunctionalInterface
public interface StateClock {
  /** The current time. */
  long now();
}
