package weir.api.windowing.assigners;

import java.util.Collection;
import weir.api.annotation.Public;
import weir.api.windowing.windows.Window;

/**
 * An assigner whose windows can grow together, like sessions: after assigning, the window
 * operator asks it to merge the windows of a key, and merges the window state (contents and
 * trigger state) of each merged group into the covering window. Triggers used with a merging
 * assigner must {@linkplain weir.api.windowing.triggers.Trigger#canMerge() support merging}.
 *
 * @param <T> the type of the records
 * @param <W> the type of the windows
 * @since 0.1
 */
@Public
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
  private static final long serialVersionUID = 1L;

  /**
   * Decides which of {@code windows} (the windows of one key) merge, and reports each group
   * through {@code callback}. Windows that merge with nothing are not reported.
   */
  public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

  /**
   * Receives the result of {@link #mergeWindows}.
   *
   * @param <W> the type of the windows
   */
  @FunctionalInterface
  public interface MergeCallback<W> {
    /**
     * Reports that {@code toBeMerged} (two or more windows) merge into {@code mergeResult}, which
     * may be one of them.
     */
    void merge(Collection<W> toBeMerged, W mergeResult);
  }
}
