package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic type that a class literal cannot express, through an anonymous subclass:
 * {@code TypeInfo.of(new TypeHint<List<String>>() {})}.
 *
 * <h3>Failure cases</h3>
 * The constructor throws {@link IllegalStateException} unless the instance is a direct anonymous
 * (or named) subclass that binds {@code T}; a hint written inside a generic method with a type
 * variable ({@code new TypeHint<List<T>>() {}}) is rejected by {@link TypeInfo#of(TypeHint)}.
 *
 * @param <T> the captured type
 * @since 0.1
 */
@Evolving
public abstract class TypeHint<T> {

  private final Type type;

  /** Captures the type argument of the subclass's {@code extends TypeHint<...>} clause. */
  protected TypeHint() {
    Type superclass = getClass().getGenericSuperclass();
    if (getClass().getSuperclass() != TypeHint.class || !(superclass instanceof ParameterizedType p)) {
      throw new IllegalStateException("Expected a direct subclass that binds the type, like "
          + "new TypeHint<List<String>>() {}, but got " + getClass().getName());
    }
    this.type = p.getActualTypeArguments()[0];
  }

  /** The captured type. */
  public Type type() {
    return type;
  }
}
