package weir.api.windowing.evictors;

import java.io.Serializable;
import weir.api.annotation.Public;
import weir.api.windowing.windows.Window;

/**
 * Removes elements from a window's contents when it fires, before and/or after the window
 * function sees them. A window with an evictor keeps all its elements (with their timestamps)
 * until it fires; reduce and aggregate functions are then applied to what the evictor leaves.
 *
 * <p>Elements are removed through the iterator of {@code elements}
 * ({@link java.util.Iterator#remove()}); the iteration order is the order in which the elements
 * were added.
 *
 * <h3>Threading</h3>
 * Each subtask has its own copy, called from its own thread only.
 *
 * @param <T> the type of the records
 * @param <W> the type of the windows
 * @since 0.1
 */
@Public
public interface Evictor<T, W extends Window> extends Serializable {
  /**
   * Evicts elements before the window function is applied.
   *
   * @param elements the window's elements; remove through its iterator
   * @param size     the number of elements
   * @param window   the window being fired
   * @param context  the clocks
   */
  void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext context);

  /** Evicts elements after the window function was applied; parameters as for {@link #evictBefore}. */
  void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext context);

  /** What an evictor may ask of the runtime. */
  interface EvictorContext {
    /** The current processing time in milliseconds since the epoch. */
    long getCurrentProcessingTime();

    /** The current event-time watermark ({@link Long#MIN_VALUE} before the first one). */
    long getCurrentWatermark();
  }
}
