package weir.runtime.window;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import javax.annotation.Nullable;
import weir.api.state.ValueState;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.SerializerConfig;
import weir.api.windowing.assigners.MergingWindowAssigner;
import weir.api.windowing.windows.Window;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.NamespaceSerializer;
import weir.runtime.state.StateValueCodec;

/**
 * The windows of a merging assigner (sessions) that are in flight for the backend's current key,
 * each mapped to its <em>state window</em>: the namespace its contents are kept under. When
 * windows merge, the merged window takes over the state window of one of them and the contents
 * of the others are merged into it, so a growing session moves no contents; the mapping itself is
 * keyed state (an in-place value state in the void namespace holding two short parallel lists,
 * written to snapshots by {@link InFlightCodec}), so it is scoped by key, snapshotted and rescaled
 * like all window state. This is Flink's {@code MergingWindowSet}.
 *
 * <p>Why lists and not a map state: a key has one or two sessions in flight, and this is read on
 * every record; a hash map per key costs a chain of dependent cache misses (entry, map, table,
 * node) where a small object with two short lists costs about one.
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
  private final ValueState<InFlight<W>> mapping;
  // scratch for addWindow, reused so that adding a window allocates only what merging needs
  private final ArrayList<W> windows = new ArrayList<>();
  private final ArrayList<W> mergeResults = new ArrayList<>();
  private final ArrayList<Collection<W>> mergedGroups = new ArrayList<>();
  private final MergingWindowAssigner.MergeCallback<W> collectMerge = this::collectMerge;

  /** The windows in flight of one key and their state windows, side by side. */
  static final class InFlight<W> {
    final ArrayList<W> windows = new ArrayList<>(2);
    final ArrayList<W> stateWindows = new ArrayList<>(2);

    @Nullable
    W get(W window) {
      int i = windows.indexOf(window);
      return i < 0 ? null : stateWindows.get(i);
    }

    void put(W window, W stateWindow) {
      int i = windows.indexOf(window);
      if (i < 0) {
        windows.add(window);
        stateWindows.add(stateWindow);
      } else {
        stateWindows.set(i, stateWindow);
      }
    }

    void remove(W window) {
      int i = windows.indexOf(window);
      if (i >= 0) {
        windows.remove(i);
        stateWindows.remove(i);
      }
    }
  }

  MergingWindowSet(MergingWindowAssigner<?, W> assigner, ValueState<InFlight<W>> mapping) {
    this.assigner = assigner;
    this.mapping = mapping;
  }

  /** The set of a window operator, kept in {@code backend} under {@link WindowOperator#MERGING_WINDOWS_STATE}. */
  static <W extends Window> MergingWindowSet<W> of(MergingWindowAssigner<?, W> assigner, HeapKeyedStateBackend backend) {
    // kept as an object, changed in place
    ValueState<InFlight<W>> mapping =
        backend.getInPlaceState(WindowOperator.MERGING_WINDOWS_STATE,
            () -> new InFlightCodec<>(backend.serializerConfig()));
    return new MergingWindowSet<>(assigner, mapping);
  }

  /**
   * Writes the windows in flight of a key to snapshots and reads them back:
   *
   * <pre>
   * in flight : byte version (1), int count, count × ( window, state window )
   * </pre>
   *
   * Windows are written as the backend writes namespaces (a time window as its start and end).
   */
  static final class InFlightCodec<W> implements StateValueCodec<InFlight<W>> {
    private static final int VERSION = 1;

    private final NamespaceSerializer windows;

    InFlightCodec(SerializerConfig config) {
      this.windows = new NamespaceSerializer(config);
    }

    @Override
    public void write(InFlight<W> inFlight, DataOutputView out) throws IOException {
      out.writeByte(VERSION);
      out.writeInt(inFlight.windows.size());
      for (int i = 0; i < inFlight.windows.size(); i++) {
        windows.serialize(inFlight.windows.get(i), out);
        windows.serialize(inFlight.stateWindows.get(i), out);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public InFlight<W> read(DataInputView in) throws IOException {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IOException("Cannot read the windows in flight of a merging window assigner in format version "
            + version + "; this version of Weir reads version " + VERSION);
      }
      InFlight<W> inFlight = new InFlight<>();
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        inFlight.windows.add((W) windows.deserialize(in));
        inFlight.stateWindows.add((W) windows.deserialize(in));
      }
      return inFlight;
    }
  }

  /** The state window of {@code window}, or {@code null} if it is not in flight. */
  @Nullable
  W stateWindow(W window) throws Exception {
    InFlight<W> inFlight = mapping.value();
    return inFlight == null ? null : inFlight.get(window);
  }

  /** Removes {@code window}, which was discarded, from the windows in flight. */
  void retireWindow(W window) throws Exception {
    InFlight<W> inFlight = mapping.value();
    if (inFlight == null || inFlight.get(window) == null) {
      throw new IllegalStateException("Window " + window + " is not in the in-flight window set.");
    }
    inFlight.remove(window);
    if (inFlight.windows.isEmpty()) {
      mapping.clear();
    }
  }

  /**
   * Adds {@code newWindow} and merges it with the windows in flight as the assigner decides,
   * calling {@code mergeFunction} for each group that merges.
   *
   * @return the window {@code newWindow} ended up in: itself, or the window it merged into
   */
  W addWindow(W newWindow, MergeFunction<W> mergeFunction) throws Exception {
    InFlight<W> inFlight = mapping.value();
    if (inFlight == null) {
      inFlight = new InFlight<>();
      mapping.update(inFlight);
    }
    try {
      windows.addAll(inFlight.windows);
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
        W stateWindowResult = inFlight.get(mergedWindows.iterator().next());
        ArrayList<W> mergedStateWindows = new ArrayList<>(mergedWindows.size());
        for (W merged : mergedWindows) {
          W stateWindow = inFlight.get(merged);
          if (stateWindow != null) {
            inFlight.remove(merged);
            if (!stateWindow.equals(stateWindowResult)) {
              mergedStateWindows.add(stateWindow);
            }
          }
        }
        inFlight.put(mergeResult, stateWindowResult);
        // a new window that falls inside one window in flight changes nothing: no merge to report
        if (!(mergedWindows.size() == 1 && mergedWindows.contains(mergeResult))) {
          mergeFunction.merge(mergeResult, mergedWindows, stateWindowResult, mergedStateWindows);
        }
      }
      if ((mergeResults.isEmpty() || (resultWindow.equals(newWindow) && !mergedNewWindow))
          && inFlight.get(resultWindow) == null) {
        // the new window merged with nothing: it is its own state window. A window equal to one in
        // flight (a per-record gap can give exactly a merged session's bounds) is that session and
        // keeps its state window; Flink maps it to itself again, which loses the session's contents
        inFlight.put(resultWindow, resultWindow);
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
