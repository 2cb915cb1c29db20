package weir.runtime.state;

import java.io.IOException;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputView;

/**
 * How snapshots write and read the values of a state kept as objects. The backend derives one
 * from a state's descriptor; the runtime's own per-key structures that operators change in place
 * (a window's slices, the sessions in flight of a key) bring their own, through {@link
 * HeapKeyedStateBackend#getInPlaceState}. Such a codec starts its values with a format version,
 * so that a later format can still read the snapshots of this one.
 *
 * <p>Called on the subtask's thread.
 *
 * @param <V> the type of the values
 */
public interface StateValueCodec<V> {
  void write(V value, DataOutputView out) throws IOException;

  V read(DataInputView in) throws IOException;
}
