package weir.api.typeinfo;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Method-handle plumbing shared by {@link RecordSerializer} and {@link PojoSerializer}: handles
 * are looked up once (at construction and after Java deserialization) and adapted to erased
 * {@code Object} signatures so the hot path can use {@code invokeExact}.
 */
final class Reflection {

  static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
  static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private Reflection() {
  }

  static MethodHandle method(Method m, MethodType type) {
    try {
      return LOOKUP.unreflect(open(m)).asType(type);
    } catch (IllegalAccessException e) {
      throw inaccessible(m.getDeclaringClass(), m.getName(), e);
    }
  }

  static MethodHandle fieldGetter(Field f) {
    try {
      return LOOKUP.unreflectGetter(open(f)).asType(GETTER);
    } catch (IllegalAccessException e) {
      throw inaccessible(f.getDeclaringClass(), f.getName(), e);
    }
  }

  static MethodHandle fieldSetter(Field f) {
    try {
      return LOOKUP.unreflectSetter(open(f)).asType(SETTER);
    } catch (IllegalAccessException e) {
      throw inaccessible(f.getDeclaringClass(), f.getName(), e);
    }
  }

  static MethodHandle constructor(Constructor<?> c, MethodType type) {
    try {
      return LOOKUP.unreflectConstructor(open(c)).asType(type);
    } catch (IllegalAccessException e) {
      throw inaccessible(c.getDeclaringClass(), "<init>", e);
    }
  }

  private static <A extends AccessibleObject> A open(A member) {
    // Fails quietly for public members of exported packages of named modules; those need no opening.
    member.trySetAccessible();
    return member;
  }

  private static InvalidTypeException inaccessible(Class<?> type, String member, Exception cause) {
    return new InvalidTypeException("Cannot access '" + type.getName() + "." + member + "' for serialization: "
        + cause.getMessage() + ". Open the package to weir-api or make the member public", cause);
  }

  /** Rethrows what a user constructor, getter or setter threw, unchecked, naming the type. */
  static RuntimeException rethrow(Throwable t, Class<?> type, String action) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException("Failed to " + action + " '" + type.getName() + "'", t);
  }
}
