package weir.api.datastream;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import weir.api.annotation.Internal;

/**
 * Reads a named field of a record, POJO or boxed number and makes a copy with the field
 * replaced; {@code "*"} names the value itself. Built once per record class, method handles
 * looked up up front.
 */
@Internal
abstract class FieldAccessor {
  abstract Object get(Object target) throws Exception;

  abstract Object with(Object target, Object fieldValue) throws Exception;

  static FieldAccessor forClass(Class<?> type, String field) {
    if ("*".equals(field)) {
      return new Self();
    }
    try {
      if (type.isRecord()) {
        return new RecordField(type, field);
      }
      return new PojoField(type, field);
    } catch (ReflectiveOperationException e) {
      throw new InvalidProgramException(
          "Cannot access field '" + field + "' of " + type.getName()
              + ": use a record component, a public field or one with a getter and setter, or \"*\" for the value itself",
          e);
    }
  }

  /** The value itself, for streams of numbers. */
  private static final class Self extends FieldAccessor {
    @Override
    Object get(Object target) {
      return target;
    }

    @Override
    Object with(Object target, Object fieldValue) {
      return fieldValue;
    }
  }

  /** A record component; copies go through the canonical constructor. */
  private static final class RecordField extends FieldAccessor {
    // (Object)Object and (Object[])Object shapes, so the per-record calls are invokeExact
    private final MethodHandle[] accessors;
    private final MethodHandle constructor;
    private final int index;

    RecordField(Class<?> type, String field) throws ReflectiveOperationException {
      RecordComponent[] components = type.getRecordComponents();
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodType getter = MethodType.methodType(Object.class, Object.class);
      accessors = new MethodHandle[components.length];
      Class<?>[] types = new Class<?>[components.length];
      int found = -1;
      for (int i = 0; i < components.length; i++) {
        Method accessor = components[i].getAccessor();
        accessor.setAccessible(true);
        accessors[i] = lookup.unreflect(accessor).asType(getter);
        types[i] = components[i].getType();
        if (components[i].getName().equals(field)) {
          found = i;
        }
      }
      if (found < 0) {
        throw new NoSuchFieldException(field);
      }
      index = found;
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      constructor = lookup.unreflectConstructor(canonical)
          .asSpreader(Object[].class, types.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
    }

    @Override
    Object get(Object target) throws Exception {
      try {
        return (Object) accessors[index].invokeExact(target);
      } catch (Exception | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }

    @Override
    Object with(Object target, Object fieldValue) throws Exception {
      try {
        Object[] args = new Object[accessors.length];
        for (int i = 0; i < args.length; i++) {
          args[i] = i == index ? fieldValue : (Object) accessors[i].invokeExact(target);
        }
        return (Object) constructor.invokeExact(args);
      } catch (Exception | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    }
  }

  /** A POJO field; copies are made with the no-arg constructor and all fields copied. */
  private static final class PojoField extends FieldAccessor {
    private final Field field;
    private final Constructor<?> constructor;

    PojoField(Class<?> type, String name) throws ReflectiveOperationException {
      Field f = null;
      for (Class<?> c = type; c != null && f == null; c = c.getSuperclass()) {
        try {
          f = c.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
          // look in the superclass
        }
      }
      if (f == null) {
        throw new NoSuchFieldException(name);
      }
      f.setAccessible(true);
      this.field = f;
      this.constructor = type.getDeclaredConstructor();
      this.constructor.setAccessible(true);
    }

    @Override
    Object get(Object target) throws IllegalAccessException {
      return field.get(target);
    }

    @Override
    Object with(Object target, Object fieldValue) throws ReflectiveOperationException {
      Object copy = constructor.newInstance();
      for (Class<?> c = target.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers())) {
            f.setAccessible(true);
            f.set(copy, f.get(target));
          }
        }
      }
      field.set(copy, fieldValue);
      return copy;
    }
  }
}
