package weir.api.typeinfo;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Generic-type arithmetic over {@link java.lang.reflect.Type}: erasure, substitution of type
 * variables, finding how a class parameterizes a supertype, and matching a pattern type against
 * an actual one. Used by {@link SerializerResolver} (fields of generic records and POJOs) and by
 * {@link TypeExtractor#outputTypeOf} (function type arguments).
 */
final class GenericTypes {

  private GenericTypes() {
  }

  static Class<?> erasure(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof GenericArrayType g) {
      return Array.newInstance(erasure(g.getGenericComponentType()), 0).getClass();
    }
    if (type instanceof TypeVariable<?> v) {
      return erasure(v.getBounds()[0]);
    }
    if (type instanceof WildcardType w) {
      return erasure(w.getUpperBounds()[0]);
    }
    throw new IllegalArgumentException("Unsupported kind of type: " + type.getClass().getName());
  }

  /** True if {@code type} has no type variables, wildcards or raw uses of generic classes. */
  static boolean isConcrete(Type type) {
    if (type instanceof Class<?> c) {
      return c.isArray() ? isConcrete(c.getComponentType()) : c.getTypeParameters().length == 0;
    }
    if (type instanceof ParameterizedType p) {
      for (Type arg : p.getActualTypeArguments()) {
        if (!isConcrete(arg)) {
          return false;
        }
      }
      return true;
    }
    return type instanceof GenericArrayType g && isConcrete(g.getGenericComponentType());
  }

  /** Type variable bindings of a parameterized type's own class; empty for anything else. */
  static Map<TypeVariable<?>, Type> bindings(@Nullable Type type) {
    if (!(type instanceof ParameterizedType p)) {
      return Collections.emptyMap();
    }
    TypeVariable<?>[] vars = erasure(p).getTypeParameters();
    Type[] args = p.getActualTypeArguments();
    Map<TypeVariable<?>, Type> result = new HashMap<>();
    for (int i = 0; i < vars.length; i++) {
      result.put(vars[i], args[i]);
    }
    return result;
  }

  static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (bindings.isEmpty() || type instanceof Class<?>) {
      return type;
    }
    if (type instanceof TypeVariable<?> v) {
      return bindings.getOrDefault(v, v);
    }
    if (type instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments().clone();
      for (int i = 0; i < args.length; i++) {
        args[i] = substitute(args[i], bindings);
      }
      return new ParameterizedTypeImpl(erasure(p), args, p.getOwnerType());
    }
    if (type instanceof GenericArrayType g) {
      return arrayOf(substitute(g.getGenericComponentType(), bindings));
    }
    return type;
  }

  static Type arrayOf(Type component) {
    return component instanceof Class<?> c
        ? Array.newInstance(c, 0).getClass()
        : new GenericArrayTypeImpl(component);
  }

  /**
   * How {@code type} parameterizes its supertype {@code target}, with type variables bound as far
   * as {@code type} binds them: {@code parameterizationOf(ArrayList<String>, Iterable)} is
   * {@code Iterable<String>}. Null if {@code target} is not a supertype.
   */
  @Nullable
  static Type parameterizationOf(Type type, Class<?> target) {
    Class<?> raw = erasure(type);
    if (raw == target) {
      return type;
    }
    if (!target.isAssignableFrom(raw)) {
      return null;
    }
    Map<TypeVariable<?>, Type> b = bindings(type);
    List<Type> supertypes = new ArrayList<>();
    if (raw.getGenericSuperclass() != null) {
      supertypes.add(raw.getGenericSuperclass());
    }
    supertypes.addAll(List.of(raw.getGenericInterfaces()));
    for (Type sup : supertypes) {
      Type found = parameterizationOf(substitute(sup, b), target);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Type argument {@code index} of {@code target} as seen from {@code type}; a type variable if unbound. */
  @Nullable
  static Type typeArgumentOf(Type type, Class<?> target, int index) {
    Type p = parameterizationOf(type, target);
    if (p instanceof ParameterizedType pt) {
      return pt.getActualTypeArguments()[index];
    }
    return p == null ? null : target.getTypeParameters()[index];
  }

  /**
   * The type {@code var} stands for when {@code pattern} (written in terms of {@code var}) is
   * matched against {@code actual}: matching {@code Iterable<O>} against {@code List<String>} for
   * {@code O} gives {@code String}. Null if {@code var} does not occur or the shapes differ.
   */
  @Nullable
  static Type match(Type pattern, Type actual, TypeVariable<?> var) {
    if (pattern.equals(var)) {
      return actual;
    }
    if (pattern instanceof ParameterizedType p) {
      if (!(parameterizationOf(actual, erasure(p)) instanceof ParameterizedType a)) {
        return null;
      }
      for (int i = 0; i < p.getActualTypeArguments().length; i++) {
        Type found = match(p.getActualTypeArguments()[i], a.getActualTypeArguments()[i], var);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (pattern instanceof GenericArrayType g) {
      Type component = actual instanceof GenericArrayType ga ? ga.getGenericComponentType()
          : actual instanceof Class<?> c ? c.getComponentType() : null;
      return component == null ? null : match(g.getGenericComponentType(), component, var);
    }
    return null;
  }

  /** {@code type} in a form that survives Java serialization; variables and wildcards become their erasure. */
  static Type serializable(Type type) {
    if (type instanceof Class<?>) {
      return type;
    }
    if (type instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments().clone();
      for (int i = 0; i < args.length; i++) {
        args[i] = serializable(args[i]);
      }
      Type owner = p.getOwnerType() == null ? null : serializable(p.getOwnerType());
      return new ParameterizedTypeImpl(erasure(p), args, owner);
    }
    if (type instanceof GenericArrayType g) {
      return arrayOf(serializable(g.getGenericComponentType()));
    }
    return erasure(type);
  }

  static Type box(Type type) {
    if (!(type instanceof Class<?> c) || !c.isPrimitive()) {
      return type;
    }
    return Array.get(Array.newInstance(c, 1), 0).getClass();
  }
}
