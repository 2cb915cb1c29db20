package weir.api.windowing.evictors;

import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import weir.api.annotation.Public;
import weir.api.windowing.windows.Window;

/**
 * Keeps the elements of the last {@code windowSize} of event time: those whose timestamp is
 * more than {@code windowSize} before the largest timestamp in the window are evicted. Needs
 * elements with timestamps; if the first element has none, nothing is evicted. Evicts before the
 * window function unless built with {@code doEvictAfter}.
 *
 * @param <W> the type of the windows
 * @since 0.1
 */
@Public
public final class TimeEvictor<W extends Window> implements Evictor<Object, W> {
  private static final long serialVersionUID = 1L;

  private final long windowSize;
  private final boolean doEvictAfter;

  private TimeEvictor(Duration windowSize, boolean doEvictAfter) {
    long millis = Objects.requireNonNull(windowSize, "windowSize").toMillis();
    if (millis < 0) {
      throw new IllegalArgumentException("TimeEvictor needs a window size of at least 0, but got " + windowSize);
    }
    this.windowSize = millis;
    this.doEvictAfter = doEvictAfter;
  }

  /** Keeps the elements of the last {@code windowSize}, evicting before the window function. */
  public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
    return new TimeEvictor<>(windowSize, false);
  }

  /** Keeps the elements of the last {@code windowSize}, evicting after the window function if {@code doEvictAfter}. */
  public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
    return new TimeEvictor<>(windowSize, doEvictAfter);
  }

  @Override
  public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext context) {
    if (!doEvictAfter) {
      evict(elements);
    }
  }

  @Override
  public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext context) {
    if (doEvictAfter) {
      evict(elements);
    }
  }

  private void evict(Iterable<TimestampedValue<Object>> elements) {
    Iterator<TimestampedValue<Object>> first = elements.iterator();
    if (!first.hasNext() || !first.next().hasTimestamp()) {
      return;
    }
    long maxTimestamp = Long.MIN_VALUE;
    for (TimestampedValue<Object> element : elements) {
      maxTimestamp = Math.max(maxTimestamp, element.getTimestamp());
    }
    long cutoff = maxTimestamp - windowSize;
    for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
      if (it.next().getTimestamp() <= cutoff) {
        it.remove();
      }
    }
  }

  /** The span of event time kept. */
  public Duration getWindowSize() {
    return Duration.ofMillis(windowSize);
  }

  @Override
  public String toString() {
    return "TimeEvictor(" + windowSize + (doEvictAfter ? ", after" : "") + ")";
  }
}
