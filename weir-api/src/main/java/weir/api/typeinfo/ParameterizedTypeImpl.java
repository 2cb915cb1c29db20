package weir.api.typeinfo;

import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;
import java.util.StringJoiner;
import javax.annotation.Nullable;

/**
 * A {@link ParameterizedType} built by substitution, serializable when its parts are; equal to
 * the JDK's own implementation for the same type.
 */
final class ParameterizedTypeImpl implements ParameterizedType, Serializable {

  private static final long serialVersionUID = 1L;

  private final Class<?> raw;
  private final Type[] args;
  @Nullable
  private final Type owner;

  ParameterizedTypeImpl(Class<?> raw, Type[] args, @Nullable Type owner) {
    this.raw = raw;
    this.args = args;
    this.owner = owner;
  }

  @Override
  public Type[] getActualTypeArguments() {
    return args.clone();
  }

  @Override
  public Type getRawType() {
    return raw;
  }

  @Override
  @Nullable
  public Type getOwnerType() {
    return owner;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParameterizedType p && raw.equals(p.getRawType())
        && Objects.equals(owner, p.getOwnerType()) && Arrays.equals(args, p.getActualTypeArguments());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(args) ^ Objects.hashCode(owner) ^ raw.hashCode();
  }

  @Override
  public String getTypeName() {
    StringJoiner joiner = new StringJoiner(", ", raw.getName() + "<", ">");
    for (Type arg : args) {
      joiner.add(arg.getTypeName());
    }
    return joiner.toString();
  }

  @Override
  public String toString() {
    return getTypeName();
  }
}
