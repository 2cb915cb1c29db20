package weir.runtime.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.DataOutputView;

/**
 * How snapshots write and read the values of a state kept as objects. The backend derives one
 * from a state's descriptor; the runtime's own per-key structures that operators change in place
 * (a window's slices, the sessions in flight of a key) bring their own, through {@link
 * HeapKeyedStateBackend#getInPlaceState}. Such a codec starts its values with a format version,
 * so that a later format can still read the snapshots of this one.
 *
 * <p>An instance is used by one thread at a time: the backend creates one for the subtask's
 * thread and another for each snapshot, which is written on another thread.
 *
 * @param <V> the type of the values
 */
public interface StateValueCodec<V> {
  void write(V value, DataOutputView out) throws IOException;

  V read(DataInputView in) throws IOException;

  /**
   * A copy of {@code value} that shares nothing the subtask may change with it: the value stays
   * with a snapshot being written while the subtask goes on with the copy. This default writes
   * the value and reads it back.
   */
  default V copy(V value) {
    try {
      DataOutputSerializer out = new DataOutputSerializer(64);
      write(value, out);
      DataInputDeserializer in = new DataInputDeserializer();
      in.setBuffer(out.getSharedBuffer(), 0, out.position());
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy a state value of " + value.getClass().getName(), e);
    }
  }
}
