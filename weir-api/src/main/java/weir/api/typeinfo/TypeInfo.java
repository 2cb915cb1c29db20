package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.Serializable;
import java.lang.reflect.Type;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Describes the type of the values on a stream (or in a state): its class, its full generic type,
 * and how to make a {@link TypeSerializer} for it. Travels with the job graph, so it is
 * {@link Serializable}: the generic type is kept in a serializable form.
 *
 * <h3>Obtaining one</h3>
 * <ul>
 *   <li>{@link #of(Class)} for a non-generic class; {@link #of(TypeHint)} for a generic type,
 *       {@code TypeInfo.of(new TypeHint<List<String>>() {})}.</li>
 *   <li>{@link TypeExtractor#forType} for a reflected type, validated at once;
 *       {@link TypeExtractor#outputTypeOf} for what a user function returns.</li>
 *   <li>{@link #of(Class, TypeSerializer)} to use a given serializer.</li>
 *   <li>{@link #unknown()} when the type was erased: values are serialized by a
 *       {@link DynamicSerializer}, which writes each value's class name and picks a serializer per
 *       class at run time (correct, but slower and bigger on the wire).</li>
 * </ul>
 *
 * <h3>Failure cases</h3>
 * {@link #of(Class)} and {@link #of(TypeHint)} do not check that a serializer fits;
 * {@link #createSerializer} throws {@link InvalidTypeException} naming the type and field path
 * when none does. Use {@link TypeExtractor#forType} to fail when the job is built.
 *
 * <h3>Threading</h3>
 * Immutable; share freely. {@link #createSerializer} returns a new or stateless serializer on
 * every call; call it once per subtask, not per record.
 *
 * @param <T> the described type
 * @since 0.1
 */
@Evolving
public final class TypeInfo<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Class<T> typeClass;
  /** Serializable form of the generic type; null for {@link #unknown()}. */
  @Nullable
  private final Type type;
  /** Explicitly chosen serializer, or null to derive one from {@link #type}. */
  @Nullable
  private final TypeSerializer<T> serializer;

  private TypeInfo(Class<T> typeClass, @Nullable Type type, @Nullable TypeSerializer<T> serializer) {
    this.typeClass = typeClass;
    this.type = type;
    this.serializer = serializer;
  }

  /** Info for a non-generic class (a raw generic class fails in {@link #createSerializer}). */
  public static <T> TypeInfo<T> of(Class<T> typeClass) {
    return new TypeInfo<>(Objects.requireNonNull(typeClass), typeClass, null);
  }

  /** Info for the generic type captured by {@code hint}; rejects hints with type variables or wildcards. */
  public static <T> TypeInfo<T> of(TypeHint<T> hint) {
    if (!GenericTypes.isConcrete(hint.type())) {
      throw new InvalidTypeException("Expected a TypeHint of a concrete type, but got '"
          + hint.type().getTypeName() + "', which has type variables, wildcards or raw generic types");
    }
    return ofType(hint.type());
  }

  /** Info whose {@link #createSerializer} returns duplicates of {@code serializer}. */
  public static <T> TypeInfo<T> of(Class<T> typeClass, TypeSerializer<T> serializer) {
    return new TypeInfo<>(Objects.requireNonNull(typeClass), typeClass, Objects.requireNonNull(serializer));
  }

  /** Info for a type erased at build time; its serializer is a {@link DynamicSerializer}. */
  @SuppressWarnings("unchecked")
  public static <T> TypeInfo<T> unknown() {
    return new TypeInfo<>((Class<T>) Object.class, null, null);
  }

  @SuppressWarnings("unchecked")
  static <T> TypeInfo<T> ofType(Type type) {
    return new TypeInfo<>((Class<T>) GenericTypes.erasure(type), GenericTypes.serializable(type), null);
  }

  /** The erased class; {@code Object.class} when {@link #isUnknown()}. */
  public Class<T> typeClass() {
    return typeClass;
  }

  /** The generic type (a serializable copy); {@code Object.class} when {@link #isUnknown()}. */
  public Type type() {
    return type == null ? Object.class : type;
  }

  /** True for {@link #unknown()}: the type was erased and is decided per value at run time. */
  public boolean isUnknown() {
    return type == null;
  }

  /**
   * A serializer for this type under {@code config}.
   *
   * @throws InvalidTypeException if no serializer fits (message names the type and field path)
   */
  @SuppressWarnings("unchecked")
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    if (serializer != null) {
      return serializer.duplicate();
    }
    if (type == null) {
      return new DynamicSerializer<>(config);
    }
    return (TypeSerializer<T>) SerializerResolver.resolve(type, config);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TypeInfo<?> other && other.typeClass == typeClass && Objects.equals(other.type, type)
        && Objects.equals(other.serializer, serializer);
  }

  @Override
  public int hashCode() {
    return Objects.hash(typeClass, type, serializer);
  }

  @Override
  public String toString() {
    return "TypeInfo[" + (type == null ? "unknown" : type.getTypeName()) + (serializer == null ? "" : ", " + serializer) + "]";
  }
}
