package weir.api.typeinfo;

import weir.api.annotation.Evolving;

/**
 * Snapshot for serializers whose whole configuration is the (serializable) serializer itself:
 * it keeps the serializer, restores a {@link TypeSerializer#duplicate() duplicate} of it, and is
 * {@link Compatibility#COMPATIBLE_AS_IS compatible} with a new serializer exactly when the two are
 * {@linkplain TypeSerializer#equals equal}. Used by the stateless built-ins and by the containers
 * (collections, maps, arrays, {@code Optional}), where a change of any element serializer changes
 * the bytes.
 *
 * @param <T> the type the serializer handles
 * @since 0.1
 */
@Evolving
public final class SimpleSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {

  private static final long serialVersionUID = 1L;

  private final TypeSerializer<T> serializer;

  /** Creates a snapshot of {@code serializer}. */
  public SimpleSerializerSnapshot(TypeSerializer<T> serializer) {
    this.serializer = serializer;
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    return serializer.duplicate();
  }

  @Override
  public Compatibility resolveCompatibility(TypeSerializer<T> newSerializer) {
    return serializer.equals(newSerializer) ? Compatibility.COMPATIBLE_AS_IS : Compatibility.INCOMPATIBLE;
  }
}
