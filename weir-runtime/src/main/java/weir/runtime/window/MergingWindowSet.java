package weir.runtime.window;

import java.util.ArrayList;
import java.util.Collection;
import javax.annotation.Nullable;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.typeinfo.TypeInfo;
import weir.api.windowing.assigners.MergingWindowAssigner;
import weir.api.windowing.windows.Window;
import weir.runtime.state.HeapKeyedStateBackend;

/**
 * The windows of a merging assigner (sessions) that are in flight for the backend's current key,
 * each mapped to its <em>state window</em>: the namespace its contents are kept under. When
 * windows merge, the merged window takes over the state window of one of them and the contents
 * of the others are merged into it, so a growing session moves no contents; the mapping itself is
 * keyed state (a map state in the void namespace), so it is scoped by key like all window state.
 * This is Flink's {@code MergingWindowSet}, kept in the map state instead of a per-key copy.
 *
 * <p>Owned by the subtask's thread.
 *
 * @param <W> the type of the windows
 */
final class MergingWindowSet<W extends Window> {
  /** What the window operator does when windows merge. */
  interface MergeFunction<W> {
    /**
     * {@code mergedWindows} (without the window just added, which has no state yet) merge into
     * {@code mergeResult}, whose contents are kept under {@code stateWindowResult}; the contents
     * under {@code mergedStateWindows} must be merged into it.
     */
    void merge(W mergeResult, Collection<W> mergedWindows, W stateWindowResult, Collection<W> mergedStateWindows)
        throws Exception;
  }

  private final MergingWindowAssigner<?, W> assigner;
  /** Window to state window, of the current key. */
  private final MapState<W, W> mapping;
  // scratch for addWindow, reused so that adding a window allocates only what merging needs
  private final ArrayList<W> windows = new ArrayList<>();
  private final ArrayList<W> mergeResults = new ArrayList<>();
  private final ArrayList<Collection<W>> mergedGroups = new ArrayList<>();
  private final MergingWindowAssigner.MergeCallback<W> collectMerge = this::collectMerge;

  MergingWindowSet(MergingWindowAssigner<?, W> assigner, MapState<W, W> mapping) {
    this.assigner = assigner;
    this.mapping = mapping;
  }

  /** The set of a window operator, kept in {@code backend} under {@link WindowOperator#MERGING_WINDOWS_STATE}. */
  @SuppressWarnings("unchecked")
  static <W extends Window> MergingWindowSet<W> of(MergingWindowAssigner<?, W> assigner, HeapKeyedStateBackend backend) {
    TypeInfo<W> windowType = TypeInfo.of((Class<W>) (Class<?>) Window.class, assigner.getWindowSerializer());
    MapState<W, W> mapping =
        backend.getMapState(new MapStateDescriptor<>(WindowOperator.MERGING_WINDOWS_STATE, windowType, windowType));
    return new MergingWindowSet<>(assigner, mapping);
  }

  /** The state window of {@code window}, or {@code null} if it is not in flight. */
  @Nullable
  W stateWindow(W window) {
    return mapping.get(window);
  }

  /** Removes {@code window}, which was discarded, from the windows in flight. */
  void retireWindow(W window) {
    if (!mapping.contains(window)) {
      throw new IllegalStateException("Window " + window + " is not in the in-flight window set.");
    }
    mapping.remove(window);
  }

  /**
   * Adds {@code newWindow} and merges it with the windows in flight as the assigner decides,
   * calling {@code mergeFunction} for each group that merges.
   *
   * @return the window {@code newWindow} ended up in: itself, or the window it merged into
   */
  W addWindow(W newWindow, MergeFunction<W> mergeFunction) throws Exception {
    try {
      for (W window : mapping.keys()) {
        windows.add(window);
      }
      windows.add(newWindow);
      assigner.mergeWindows(windows, collectMerge);
      W resultWindow = newWindow;
      boolean mergedNewWindow = false;
      for (int i = 0; i < mergeResults.size(); i++) {
        W mergeResult = mergeResults.get(i);
        Collection<W> mergedWindows = mergedGroups.get(i);
        if (mergedWindows.remove(newWindow)) {
          mergedNewWindow = true;
          resultWindow = mergeResult;
        }
        // the merge result keeps the state window of one of the merged windows; the others' merge into it
        W stateWindowResult = mapping.get(mergedWindows.iterator().next());
        ArrayList<W> mergedStateWindows = new ArrayList<>(mergedWindows.size());
        for (W merged : mergedWindows) {
          W stateWindow = mapping.get(merged);
          if (stateWindow != null) {
            mapping.remove(merged);
            if (!stateWindow.equals(stateWindowResult)) {
              mergedStateWindows.add(stateWindow);
            }
          }
        }
        mapping.put(mergeResult, stateWindowResult);
        // a new window that falls inside one window in flight changes nothing: no merge to report
        if (!(mergedWindows.size() == 1 && mergedWindows.contains(mergeResult))) {
          mergeFunction.merge(mergeResult, mergedWindows, stateWindowResult, mergedStateWindows);
        }
      }
      if (mergeResults.isEmpty() || (resultWindow.equals(newWindow) && !mergedNewWindow)) {
        // the new window merged with nothing: it is its own state window
        mapping.put(resultWindow, resultWindow);
      }
      return resultWindow;
    } finally {
      windows.clear();
      mergeResults.clear();
      mergedGroups.clear();
    }
  }

  private void collectMerge(Collection<W> toBeMerged, W mergeResult) {
    mergeResults.add(mergeResult);
    // a copy: the merged windows are changed below, and an assigner may report an unmodifiable collection
    mergedGroups.add(new ArrayList<>(toBeMerged));
  }
}
