package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Serializer for {@link Optional}: one presence byte, then the value. Immutable (copy is the
 * identity) when the value type is. Does not accept a null {@code Optional}.
 *
 * @param <T> the value type
 * @since 0.1
 */
@Evolving
public final class OptionalSerializer<T> extends TypeSerializer<Optional<T>> {

  private static final long serialVersionUID = 1L;

  private final TypeSerializer<T> value;

  /** Creates a serializer whose present values use {@code value}. */
  public OptionalSerializer(TypeSerializer<T> value) {
    this.value = Objects.requireNonNull(value);
  }

  @Override
  public void serialize(Optional<T> v, DataOutputView out) throws IOException {
    value.serializeNullable(v.orElse(null), out);
  }

  @Override
  public Optional<T> deserialize(DataInputView in) throws IOException {
    return Optional.ofNullable(value.deserializeNullable(in));
  }

  @Override
  public Optional<T> copy(Optional<T> v) {
    return value.isImmutableType() || v.isEmpty() ? v : Optional.of(value.copy(v.get()));
  }

  @Override
  public boolean isImmutableType() {
    return value.isImmutableType();
  }

  @Override
  public TypeSerializer<Optional<T>> duplicate() {
    TypeSerializer<T> d = value.duplicate();
    return d == value ? this : new OptionalSerializer<>(d);
  }

  @Override
  public TypeSerializerSnapshot<Optional<T>> snapshotConfiguration() {
    return new SimpleSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OptionalSerializer<?> other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return 17 + value.hashCode();
  }

  @Override
  public String toString() {
    return "OptionalSerializer[" + value + "]";
  }
}
