package weir.runtime.state;

import java.io.IOException;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputView;

/**
 * How the values of a state kept as objects are written into snapshots and read back. The
 * backend derives one from the state's descriptor; an operator that keeps a structure of its own
 * as a state's value gives one with {@link HeapKeyedStateBackend#getObjectState}.
 *
 * @param <T> the type of the values
 */
public interface ValueCodec<T> {
  void write(T value, DataOutputView out) throws IOException;

  T read(DataInputView in) throws IOException;
}
