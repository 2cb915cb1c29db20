package weir.api.windowing.evictors;

import java.util.Iterator;
import weir.api.annotation.Public;
import weir.api.windowing.windows.Window;

/**
 * Keeps at most {@code maxCount} elements in a window: the most recently added ones. Evicts
 * before the window function unless built with {@code doEvictAfter}.
 *
 * @param <W> the type of the windows
 * @since 0.1
 */
@Public
public final class CountEvictor<W extends Window> implements Evictor<Object, W> {
  private static final long serialVersionUID = 1L;

  private final long maxCount;
  private final boolean doEvictAfter;

  private CountEvictor(long maxCount, boolean doEvictAfter) {
    if (maxCount < 0) {
      throw new IllegalArgumentException("CountEvictor needs a count of at least 0, but got " + maxCount);
    }
    this.maxCount = maxCount;
    this.doEvictAfter = doEvictAfter;
  }

  /** Keeps the last {@code maxCount} elements, evicting before the window function. */
  public static <W extends Window> CountEvictor<W> of(long maxCount) {
    return new CountEvictor<>(maxCount, false);
  }

  /** Keeps the last {@code maxCount} elements, evicting after the window function if {@code doEvictAfter}. */
  public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
    return new CountEvictor<>(maxCount, doEvictAfter);
  }

  @Override
  public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext context) {
    if (!doEvictAfter) {
      evict(elements, size);
    }
  }

  @Override
  public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext context) {
    if (doEvictAfter) {
      evict(elements, size);
    }
  }

  private void evict(Iterable<TimestampedValue<Object>> elements, int size) {
    if (size <= maxCount) {
      return;
    }
    long toEvict = size - maxCount;
    Iterator<TimestampedValue<Object>> it = elements.iterator();
    for (long evicted = 0; evicted < toEvict && it.hasNext(); evicted++) {
      it.next();
      it.remove();
    }
  }

  /** The number of elements kept. */
  public long getMaxCount() {
    return maxCount;
  }

  @Override
  public String toString() {
    return "CountEvictor(" + maxCount + (doEvictAfter ? ", after" : "") + ")";
  }
}
