package weir.runtime.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import weir.api.state.ListState;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.TypeSerializer;

/**
 * A list of one subtask's operator state: objects on the heap, each element serialized on its
 * own at a snapshot, so that a restore can deal the elements out again. Owned by the subtask's
 * thread.
 */
final class OperatorListState<T> implements ListState<T> {
  private final String name;
  private final OperatorStateBackend.Mode mode;
  private final TypeSerializer<T> serializer;
  private final ArrayList<T> elements = new ArrayList<>();
  private final List<T> view = Collections.unmodifiableList(elements);

  OperatorListState(String name, OperatorStateBackend.Mode mode, TypeSerializer<T> serializer) {
    this.name = name;
    this.mode = mode;
    this.serializer = serializer;
  }

  OperatorStateBackend.Mode mode() {
    return mode;
  }

  /** An unmodifiable view of the elements, which follows later changes. */
  @Override
  public Iterable<T> get() {
    return view;
  }

  @Override
  public void add(T value) {
    elements.add(checkNotNull(value));
  }

  @Override
  public void addAll(List<T> values) {
    for (T value : values) {
      add(value);
    }
  }

  /** Replaces the elements; {@code null} or an empty list empties the state. */
  @Override
  public void update(List<T> values) {
    elements.clear();
    if (values != null) {
      addAll(values);
    }
  }

  @Override
  public void clear() {
    elements.clear();
  }

  /** Each element serialized on its own. */
  List<byte[]> serialize(DataOutputSerializer buffer) throws IOException {
    List<byte[]> result = new ArrayList<>(elements.size());
    for (T element : elements) {
      buffer.clear();
      serializer.serialize(element, buffer);
      result.add(buffer.copyOfBuffer());
    }
    return result;
  }

  /** Adds the elements serialized by {@link #serialize}. */
  void restore(List<byte[]> serialized) throws IOException {
    DataInputDeserializer in = new DataInputDeserializer();
    for (byte[] bytes : serialized) {
      in.setBuffer(bytes, 0, bytes.length);
      elements.add(serializer.deserialize(in));
    }
  }

  private T checkNotNull(T value) {
    if (value == null) {
      throw new NullPointerException("Operator list state '" + name + "' cannot hold null elements");
    }
    return value;
  }
}
