package weir.api.connector.source.lib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import weir.api.annotation.Public;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.TypeSerializer;

/**
 * Emits the given elements, split evenly over the readers. The elements travel inside the job
 * graph in the bytes of their type's serializer, so they need not be {@code Serializable}.
 *
 * @since 0.1
 */
@Public
public final class FromElementsSource<T> extends IndexedSource<T> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<T> serializer;
  private final byte[] bytes;
  private transient List<T> elements;

  public FromElementsSource(Collection<? extends T> elements, TypeSerializer<T> serializer) {
    super(elements.size(), 0);
    this.serializer = serializer;
    DataOutputSerializer out = new DataOutputSerializer(256);
    try {
      for (T element : elements) {
        serializer.serializeNullable(element, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialize the elements with " + serializer, e);
    }
    this.bytes = out.copyOfBuffer();
  }

  /** The elements, in order. */
  public List<T> elements() {
    if (elements == null) {
      List<T> list = new ArrayList<>((int) count());
      DataInputDeserializer in = new DataInputDeserializer();
      in.setBuffer(bytes, 0, bytes.length);
      TypeSerializer<T> s = serializer.duplicate();
      try {
        for (long i = 0; i < count(); i++) {
          list.add(s.deserializeNullable(in));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot deserialize the elements with " + serializer, e);
      }
      elements = list;
    }
    return elements;
  }

  @Override
  protected T elementAt(long index) {
    return elements().get((int) index);
  }
}
