package weir.runtime.state;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the shape of a value type tells state storage. Values are kept as bytes where that pays:
 * small values of a fixed shape, updated in place in flat arrays the garbage collector does not
 * have to trace. It does not pay for values that hold collections (a set of distinct ids grows
 * with the data, and reading it back from bytes on every record costs time in its size), nor for
 * immutable records holding text, which can be kept and handed out as they are instead of
 * decoding their strings on every read.
 *
 * <ul>
 *   <li>{@link #isFlat}: primitives, boxed primitives, strings, enums, a few JDK value classes, and
 *       records or plain classes whose fields are all flat, recursively. No collections, maps,
 *       arrays, interfaces or other open types.
 *   <li>{@link #isImmutable}: the same leaves, and records whose components are all deeply
 *       immutable, recursively. Nobody can change such a value in place, so neither a read nor a
 *       snapshot in progress needs a copy.
 * </ul>
 *
 * <p>Each check takes a generic {@link Type}: the components of a generic record such as {@code
 * Tuple2<Long, Long>} are checked with their type arguments. A raw generic class, whose type
 * variables are unknown, is neither flat nor immutable.
 */
public final class TypeShapes {
  private static final Set<Class<?>> BOXED = Set.of(Boolean.class, Byte.class, Short.class, Character.class,
      Integer.class, Long.class, Float.class, Double.class);
  // leaves of a variable size whose decoding allocates: strings and big numbers
  private static final Set<Class<?>> TEXT_CLASSES = Set.of(String.class, BigInteger.class, BigDecimal.class);
  private static final Set<Class<?>> VALUE_CLASSES = Set.of(String.class, BigInteger.class, BigDecimal.class,
      java.time.Instant.class, java.time.Duration.class, java.time.LocalDate.class, java.time.LocalDateTime.class);

  private static final ClassValue<Boolean> FLAT = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return check(type, Map.of(), false, leaf -> true, new HashSet<>());
    }
  };

  private static final ClassValue<Boolean> IMMUTABLE = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return check(type, Map.of(), true, leaf -> true, new HashSet<>());
    }
  };

  private TypeShapes() {}

  /** Whether every value of {@code type} has a fixed shape with no collections (see above). */
  public static boolean isFlat(Type type) {
    return type instanceof Class<?> c ? FLAT.get(c) : check(type, Map.of(), false, leaf -> true, new HashSet<>());
  }

  /** Whether every value of {@code type} is deeply immutable (see above). */
  public static boolean isImmutable(Type type) {
    return type instanceof Class<?> c
        ? IMMUTABLE.get(c)
        : check(type, Map.of(), true, leaf -> true, new HashSet<>());
  }

  /**
   * Whether a keyed state should keep values of {@code type} as objects, not as bytes: they are
   * not flat, or they are deeply immutable records holding text (strings or big numbers). Records
   * of numbers alone, such as {@code Tuple2<Long, Long>}, are kept as bytes: decoding them is a
   * few reads, while keeping them as objects makes every update store a young object into an old
   * state entry, which the collector must then refine.
   */
  public static boolean keepsObjects(Type type) {
    if (!isFlat(type)) {
      return true;
    }
    return !(type instanceof Class<?> c && isLeaf(c)) && isImmutable(type)
        && !check(type, Map.of(), true, leaf -> !TEXT_CLASSES.contains(leaf), new HashSet<>());
  }

  private static boolean isLeaf(Class<?> type) {
    return type.isPrimitive() || type.isEnum() || BOXED.contains(type) || VALUE_CLASSES.contains(type);
  }

  /** A type argument with the bindings its own type variables resolve in. */
  private record Bound(Type type, Map<TypeVariable<?>, Bound> bindings) {}

  /**
   * Whether {@code type}, its type variables resolved through {@code bindings}, has the shape
   * asked for: every leaf accepted by {@code leafOk}, and, when {@code immutable}, records only.
   */
  private static boolean check(Type type, Map<TypeVariable<?>, Bound> bindings, boolean immutable,
      Predicate<Class<?>> leafOk, Set<Class<?>> visiting) {
    if (type instanceof TypeVariable<?> v) {
      Bound b = bindings.get(v);
      return b != null && check(b.type(), b.bindings(), immutable, leafOk, visiting);
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      return checkClass(raw, bind(raw, p, bindings), immutable, leafOk, visiting);
    }
    return type instanceof Class<?> c && checkClass(c, Map.of(), immutable, leafOk, visiting);
  }

  private static boolean checkClass(Class<?> type, Map<TypeVariable<?>, Bound> bindings, boolean immutable,
      Predicate<Class<?>> leafOk, Set<Class<?>> visiting) {
    if (isLeaf(type)) {
      return leafOk.test(type);
    }
    if (type.isArray() || type.isInterface() || Modifier.isAbstract(type.getModifiers())
        || type.getName().startsWith("java.") || (immutable && !type.isRecord())) {
      return false;
    }
    if (!visiting.add(type)) {
      return immutable; // a type that contains itself has no fixed shape; immutable if the rest is
    }
    try {
      if (type.isRecord()) {
        for (RecordComponent c : type.getRecordComponents()) {
          if (!check(c.getGenericType(), bindings, immutable, leafOk, visiting)) {
            return false;
          }
        }
        return true;
      }
      Map<TypeVariable<?>, Bound> scope = bindings;
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          int m = f.getModifiers();
          if (!Modifier.isStatic(m) && !Modifier.isTransient(m)
              && !check(f.getGenericType(), scope, immutable, leafOk, visiting)) {
            return false;
          }
        }
        Type superType = c.getGenericSuperclass();
        scope = superType instanceof ParameterizedType p && c.getSuperclass() != null
            ? bind(c.getSuperclass(), p, scope)
            : Map.of();
      }
      return true;
    } finally {
      visiting.remove(type);
    }
  }

  private static Map<TypeVariable<?>, Bound> bind(Class<?> raw, ParameterizedType p,
      Map<TypeVariable<?>, Bound> outer) {
    TypeVariable<?>[] vars = raw.getTypeParameters();
    Type[] args = p.getActualTypeArguments();
    Map<TypeVariable<?>, Bound> bindings = new HashMap<>();
    for (int i = 0; i < vars.length && i < args.length; i++) {
      bindings.put(vars[i], new Bound(args[i], outer));
    }
    return bindings;
  }
}
