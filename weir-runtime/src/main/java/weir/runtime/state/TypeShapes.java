package weir.runtime.state;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

/**
 * What the shape of a value type tells state storage. Values are kept as bytes where that pays:
 * small values of a fixed shape, updated in place in flat arrays the garbage collector does not
 * have to trace. It does not pay for values that hold collections (a set of distinct ids grows
 * with the data, and reading it back from bytes on every record costs time in its size), nor for
 * immutable records of strings, which can be kept and handed out as they are.
 *
 * <ul>
 *   <li>{@link #isFlat}: primitives, boxed primitives, strings, enums, a few JDK value classes, and
 *       records or plain classes whose fields are all flat, recursively. No collections, maps,
 *       arrays, interfaces or other open types.
 *   <li>{@link #isImmutable}: the same leaves, and records whose components are all deeply
 *       immutable, recursively. Nobody can change such a value in place, so neither a read nor a
 *       snapshot in progress needs a copy.
 * </ul>
 */
public final class TypeShapes {
  private static final Set<Class<?>> BOXED = Set.of(Boolean.class, Byte.class, Short.class, Character.class,
      Integer.class, Long.class, Float.class, Double.class);
  private static final Set<Class<?>> VALUE_CLASSES = Set.of(String.class, BigInteger.class, BigDecimal.class,
      java.time.Instant.class, java.time.Duration.class, java.time.LocalDate.class, java.time.LocalDateTime.class);

  private static final ClassValue<Boolean> FLAT = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return check(type, false, new HashSet<>());
    }
  };

  private static final ClassValue<Boolean> IMMUTABLE = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return check(type, true, new HashSet<>());
    }
  };

  private TypeShapes() {}

  /** Whether every value of {@code type} has a fixed shape with no collections (see above). */
  public static boolean isFlat(Class<?> type) {
    return FLAT.get(type);
  }

  /** Whether every value of {@code type} is deeply immutable (see above). */
  public static boolean isImmutable(Class<?> type) {
    return IMMUTABLE.get(type);
  }

  /**
   * Whether a keyed state should keep values of {@code type} as objects, not as bytes: they are
   * deeply immutable and more than a boxed primitive, or they are not flat.
   */
  public static boolean keepsObjects(Class<?> type) {
    return !isFlat(type) || (isImmutable(type) && !isLeaf(type));
  }

  private static boolean isLeaf(Class<?> type) {
    return type.isPrimitive() || type.isEnum() || BOXED.contains(type) || VALUE_CLASSES.contains(type);
  }

  private static boolean check(Class<?> type, boolean immutable, Set<Class<?>> visiting) {
    if (isLeaf(type)) {
      return true;
    }
    if (type.isArray() || type.isInterface() || Modifier.isAbstract(type.getModifiers())
        || type.getName().startsWith("java.") || (immutable && !type.isRecord())) {
      return false;
    }
    if (!visiting.add(type)) {
      return !immutable; // a type that contains itself has no fixed shape; immutable if the rest is
    }
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        if (!check(c.getType(), immutable, visiting)) {
          return false;
        }
      }
      return true;
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        int m = f.getModifiers();
        if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !check(f.getType(), immutable, visiting)) {
          return false;
        }
      }
    }
    return true;
  }
}
