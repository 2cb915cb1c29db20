package weir.api.typeinfo;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/**
 * The POJO rules, in one place for the analysis ({@link SerializerResolver}) and the binding
 * ({@link PojoSerializer}): which fields are serialized (non-static, non-transient, declared in
 * the class or a superclass, superclass fields first) and how each is read and written (directly
 * if public and non-final, else through a public {@code getX}/{@code isX} getter returning the
 * field type and a public {@code setX} setter taking it).
 */
final class PojoFields {

  private PojoFields() {
  }

  static List<Field> of(Class<?> type) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.add(0, c);
    }
    List<Field> result = new ArrayList<>();
    for (Class<?> c : hierarchy) {
      for (Field f : c.getDeclaredFields()) {
        int m = f.getModifiers();
        if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()) {
          result.add(f);
        }
      }
    }
    return result;
  }

  static Field find(Class<?> type, String name) {
    for (Field f : of(type)) {
      if (f.getName().equals(name)) {
        return f;
      }
    }
    throw new InvalidTypeException("POJO '" + type.getName() + "' has no serializable field '" + name + "'");
  }

  private static boolean direct(Field f) {
    return Modifier.isPublic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers());
  }

  @Nullable
  static MethodHandle getter(Class<?> type, Field f) {
    if (direct(f)) {
      return Reflection.fieldGetter(f);
    }
    String suffix = Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
    Method m = publicMethod(type, "get" + suffix);
    if (m == null && (f.getType() == boolean.class || f.getType() == Boolean.class)) {
      m = publicMethod(type, "is" + suffix);
    }
    return m != null && m.getReturnType() == f.getType() ? Reflection.method(m, Reflection.GETTER) : null;
  }

  @Nullable
  static MethodHandle setter(Class<?> type, Field f) {
    if (direct(f)) {
      return Reflection.fieldSetter(f);
    }
    String suffix = Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
    Method m = publicMethod(type, "set" + suffix, f.getType());
    return m != null ? Reflection.method(m, Reflection.SETTER) : null;
  }

  @Nullable
  private static Method publicMethod(Class<?> type, String name, Class<?>... params) {
    try {
      Method m = type.getMethod(name, params);
      return Modifier.isStatic(m.getModifiers()) ? null : m;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** Why {@code f} cannot be a POJO field of {@code type}, or null if it can. */
  @Nullable
  static String problem(Class<?> type, Field f) {
    if (direct(f)) {
      return null;
    }
    boolean hasGetter = getter(type, f) != null;
    boolean hasSetter = setter(type, f) != null;
    if (hasGetter && hasSetter) {
      return null;
    }
    String visibility = Modifier.isPublic(f.getModifiers()) ? "final" : "not public";
    return "field '" + f.getName() + "' is " + visibility + " and has no public "
        + (hasGetter ? "setter" : hasSetter ? "getter" : "getter/setter");
  }
}
