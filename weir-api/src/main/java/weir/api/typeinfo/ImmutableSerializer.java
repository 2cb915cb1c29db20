package weir.api.typeinfo;

import weir.api.annotation.Evolving;

/**
 * Base for stateless serializers of immutable values (boxed primitives, {@code String}): copy is
 * the identity, equality is "same class", and the snapshot is a {@link SimpleSerializerSnapshot}.
 * Subclasses only implement {@code serialize} and {@code deserialize}.
 *
 * @param <T> the type of the values
 * @since 0.1
 */
@Evolving
public abstract class ImmutableSerializer<T> extends TypeSerializer<T> {

  private static final long serialVersionUID = 1L;

  @Override
  public final T copy(T value) {
    return value;
  }

  @Override
  public final boolean isImmutableType() {
    return true;
  }

  @Override
  public final TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new SimpleSerializerSnapshot<>(this);
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass();
  }

  @Override
  public final int hashCode() {
    return getClass().getName().hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
