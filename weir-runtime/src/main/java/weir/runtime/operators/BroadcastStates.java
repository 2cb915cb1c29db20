package weir.runtime.operators;

import java.util.ArrayList;
import java.util.List;
import weir.api.state.BroadcastState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ReadOnlyBroadcastState;
import weir.runtime.state.OperatorStateBackend;

/**
 * The broadcast states a broadcast process operator declared, registered (and restored) when it
 * is built. A function asks for a state by descriptor on every record, so the lookup compares
 * references first (the function usually holds the descriptor it gave to {@code broadcast}) and
 * names only then, without hashing.
 */
final class BroadcastStates {
  private final String operatorName;
  private final MapStateDescriptor<?, ?>[] descriptors;
  private final BroadcastState<?, ?>[] writable;
  private final ReadOnlyBroadcastState<?, ?>[] readOnly;

  BroadcastStates(String operatorName, OperatorStateBackend backend, List<MapStateDescriptor<?, ?>> declared) {
    this.operatorName = operatorName;
    this.descriptors = declared.toArray(new MapStateDescriptor<?, ?>[0]);
    this.writable = new BroadcastState<?, ?>[descriptors.length];
    this.readOnly = new ReadOnlyBroadcastState<?, ?>[descriptors.length];
    for (int i = 0; i < descriptors.length; i++) {
      writable[i] = backend.getBroadcastState(descriptors[i]);
      readOnly[i] = backend.getReadOnlyBroadcastState(descriptors[i]);
    }
  }

  @SuppressWarnings("unchecked")
  <K, V> BroadcastState<K, V> writable(MapStateDescriptor<K, V> descriptor) {
    return (BroadcastState<K, V>) writable[indexOf(descriptor)];
  }

  @SuppressWarnings("unchecked")
  <K, V> ReadOnlyBroadcastState<K, V> readOnly(MapStateDescriptor<K, V> descriptor) {
    return (ReadOnlyBroadcastState<K, V>) readOnly[indexOf(descriptor)];
  }

  private int indexOf(MapStateDescriptor<?, ?> descriptor) {
    for (int i = 0; i < descriptors.length; i++) {
      if (descriptors[i] == descriptor) {
        return i;
      }
    }
    for (int i = 0; i < descriptors.length; i++) {
      if (descriptors[i].getName().equals(descriptor.getName())
          && descriptors[i].getKeyType().equals(descriptor.getKeyType())
          && descriptors[i].getValueType().equals(descriptor.getValueType())) {
        return i;
      }
    }
    List<String> names = new ArrayList<>();
    for (MapStateDescriptor<?, ?> d : descriptors) {
      names.add(d.getName() + " (" + d.getKeyType() + " -> " + d.getValueType() + ")");
    }
    throw new IllegalArgumentException("Operator '" + operatorName + "' has no broadcast state '" + descriptor.getName()
        + "' (" + descriptor.getKeyType() + " -> " + descriptor.getValueType() + "); it declares " + names
        + ": pass the descriptor to broadcast(...) on the broadcast stream");
  }
}
