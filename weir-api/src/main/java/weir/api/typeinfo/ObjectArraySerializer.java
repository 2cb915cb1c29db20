package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Arrays;
import javax.annotation.Nullable;

/**
 * Serializer for arrays of a reference type, {@code E[]}. Layout: var int (length + 1; 0 means
 * null), then each element as {@link TypeSerializer#serializeNullable}. Accepts null arrays and
 * null elements; reads back an array of the declared component class.
 *
 * @param <E> the component type
 * @since 0.1
 */
@Evolving
public final class ObjectArraySerializer<E> extends TypeSerializer<E[]> {

  private static final long serialVersionUID = 1L;

  private final Class<E> component;
  private final TypeSerializer<E> element;

  /** Creates a serializer for {@code component[]} whose elements use {@code element}. */
  public ObjectArraySerializer(Class<E> component, TypeSerializer<E> element) {
    this.component = component;
    this.element = element;
  }

  @Override
  public void serialize(@Nullable E[] value, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeVarInt(0);
      return;
    }
    out.writeVarInt(value.length + 1);
    for (E e : value) {
      element.serializeNullable(e, out);
    }
  }

  @Override
  @Nullable
  public E[] deserialize(DataInputView in) throws IOException {
    int marker = in.readVarInt();
    if (marker == 0) {
      return null;
    }
    E[] result = newArray(marker - 1);
    for (int i = 0; i < result.length; i++) {
      result[i] = element.deserializeNullable(in);
    }
    return result;
  }

  @Override
  @Nullable
  public E[] copy(@Nullable E[] value) {
    if (value == null) {
      return null;
    }
    E[] result = newArray(value.length);
    for (int i = 0; i < value.length; i++) {
      result[i] = element.copyNullable(value[i]);
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private E[] newArray(int length) {
    return (E[]) Array.newInstance(component, length);
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<E[]> duplicate() {
    TypeSerializer<E> d = element.duplicate();
    return d == element ? this : new ObjectArraySerializer<>(component, d);
  }

  @Override
  public TypeSerializerSnapshot<E[]> snapshotConfiguration() {
    return new SimpleSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectArraySerializer<?> other && other.component == component
        && other.element.equals(element);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new Object[] {component.getName(), element});
  }

  @Override
  public String toString() {
    return "ObjectArraySerializer[" + element + "]";
  }
}
