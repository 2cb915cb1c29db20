package weir.runtime.state;

/**
 * Incremental cleanup of one state with time-to-live: each step checks up to {@code cleanupSize}
 * entries of the current key group's map and removes those whose values all expired (lists and
 * maps lose their expired elements on the way). A cursor per key group goes round its map, so
 * every entry of a key group that keeps being used is checked in turn; see {@link StateMap#scan}
 * for how it copes with the map changing between steps.
 *
 * <p>The state runs a step at each access; with {@code runCleanupForEveryRecord} the backend
 * also runs one whenever it sets a key, that is for every record and timer.
 *
 * <p>Owned by the subtask's thread.
 */
final class TtlIncrementalCleanup<V> implements StateMap.ScanVisitor<Object, Object, V> {
  private final HeapKeyedStateBackend backend;
  private final StateTable<?, V> table;
  private final TtlLayout<V> layout;
  // the state whose remembered entry a removal may invalidate
  private final HeapState<?, V> state;
  private final int cleanupSize;
  private final boolean binary;
  private final StateMap.ScanCursor[] cursors;
  // the step in progress: its time and map, for shouldRemove
  private long now;
  private StateMap<Object, ?, V> map;

  TtlIncrementalCleanup(HeapKeyedStateBackend backend, StateTable<?, V> table, HeapState<?, V> state,
      int cleanupSize, boolean binary) {
    this.backend = backend;
    this.table = table;
    this.layout = table.ttlLayout();
    this.state = state;
    this.cleanupSize = cleanupSize;
    this.binary = binary;
    this.cursors = new StateMap.ScanCursor[backend.keyGroupRange().size()];
    for (int i = 0; i < cursors.length; i++) {
      cursors[i] = new StateMap.ScanCursor();
    }
  }

  /** Runs one step on the current key group with the state's clock read now. */
  void step() {
    step(layout.policy.now());
  }

  /** Runs one step on the current key group at time {@code now}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void step(long now) {
    int keyGroup = backend.currentKeyGroupIndex();
    StateMap m = table.map(keyGroup);
    if (m.size() == 0) {
      return;
    }
    this.now = now;
    this.map = m;
    int removed = m.scan(cursors[keyGroup], cleanupSize, this);
    this.map = null;
    if (removed > 0) {
      state.forgetCachedEntry();
    }
  }

  @Override
  public boolean shouldRemove(StateMap.Entry<Object, Object, V> entry) {
    if (binary) {
      return entry.offset >= 0
          && layout.isExpired(map.arena().data(), entry.offset, now, layout.policy.firstWatermark());
    }
    return layout.purge(entry.value, now);
  }
}
