package weir.api.typeinfo;

import java.io.Serializable;
import weir.api.annotation.Evolving;

/** Placeholder replaced by the type system. */
@Evolving
public final class TypeInfo<T> implements Serializable {
  private final Class<T> typeClass;

  private TypeInfo(Class<T> typeClass) {
    this.typeClass = typeClass;
  }

  public static <T> TypeInfo<T> of(Class<T> c) {
    return new TypeInfo<>(c);
  }

  @SuppressWarnings("unchecked")
  public static <T> TypeInfo<T> unknown() {
    return new TypeInfo<>((Class<T>) Object.class);
  }

  public Class<T> typeClass() {
    return typeClass;
  }
}
