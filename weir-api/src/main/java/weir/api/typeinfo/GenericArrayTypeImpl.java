package weir.api.typeinfo;

import java.io.Serializable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Type;

/** A {@link GenericArrayType} built by substitution; equal to the JDK's implementation for the same type. */
final class GenericArrayTypeImpl implements GenericArrayType, Serializable {

  private static final long serialVersionUID = 1L;

  private final Type component;

  GenericArrayTypeImpl(Type component) {
    this.component = component;
  }

  @Override
  public Type getGenericComponentType() {
    return component;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenericArrayType g && component.equals(g.getGenericComponentType());
  }

  @Override
  public int hashCode() {
    return component.hashCode();
  }

  @Override
  public String getTypeName() {
    return component.getTypeName() + "[]";
  }

  @Override
  public String toString() {
    return getTypeName();
  }
}
