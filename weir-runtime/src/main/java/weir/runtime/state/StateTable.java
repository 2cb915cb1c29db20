package weir.runtime.state;

import weir.api.state.StateDescriptor;

/**
 * All values of one named state of a subtask: one {@link StateMap} per owned key group, so that
 * snapshots and rescaling work key group by key group.
 */
public final class StateTable<N, V> {
  private final StateDescriptor<?> descriptor;
  private final StateMap<Object, N, V>[] maps;

  @SuppressWarnings("unchecked")
  StateTable(StateDescriptor<?> descriptor, KeyGroupRange range) {
    this.descriptor = descriptor;
    this.maps = (StateMap<Object, N, V>[]) new StateMap<?, ?, ?>[range.size()];
    for (int i = 0; i < maps.length; i++) {
      maps[i] = new StateMap<>();
    }
  }

  /** The descriptor the state was registered with. */
  public StateDescriptor<?> descriptor() {
    return descriptor;
  }

  /** The map of the key group at {@code index} within the owned range. */
  public StateMap<Object, N, V> map(int index) {
    return maps[index];
  }

  /** The number of (key, namespace) entries over all key groups. */
  public long size() {
    long size = 0;
    for (StateMap<Object, N, V> map : maps) {
      size += map.size();
    }
    return size;
  }
}
