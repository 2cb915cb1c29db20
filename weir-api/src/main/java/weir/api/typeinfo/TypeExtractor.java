package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;

/**
 * Derives {@link TypeInfo}s from reflected types and from user functions, at job build time.
 *
 * <h3>Which serializer a type gets</h3>
 * In this order: a serializer registered in {@link SerializerConfig}; the built-ins for
 * primitives and their boxes, {@code String}, primitive and object arrays, enums;
 * {@code List}/{@code Collection}/{@code ArrayList}/{@code LinkedList}, {@code Set}/{@code HashSet}/
 * {@code LinkedHashSet}, {@code Map}/{@code HashMap}/{@code LinkedHashMap} and {@code Optional}
 * with concrete type arguments; records ({@link RecordSerializer}); POJOs ({@link PojoSerializer}).
 * Generic records and POJOs ({@code Tuple2<String, Long>}) have their type variables resolved,
 * including those of generic superclasses.
 *
 * <h3>Failure cases</h3>
 * When nothing fits ({@code Object}, an interface or abstract class other than the collections
 * above, a class without a public no-argument constructor that is not a record, a raw or wildcard
 * type argument, an unbound type variable, a private field without getter and setter, a recursive
 * type), {@link #forType} throws {@link InvalidTypeException} whose message names the root type,
 * the field path ({@code customer.address}, {@code items[element].sku}, {@code attrs[value]}),
 * the offending type and how to fix it. If {@link SerializerConfig#enableGenericTypes()} is on,
 * the offending type gets the {@link GenericSerializerProvider}'s serializer instead, and the
 * message says so if no provider is on the class path.
 *
 * <h3>Threading</h3>
 * Stateless; callable from any thread.
 *
 * @since 0.1
 */
@Evolving
public final class TypeExtractor {

  private TypeExtractor() {
  }

  /**
   * The info for {@code type}, checked now: throws if no serializer fits under {@code config}.
   *
   * @throws InvalidTypeException naming the type and field path when no serializer fits
   */
  public static <T> TypeInfo<T> forType(Type type, SerializerConfig config) {
    SerializerResolver.resolve(type, config);
    return TypeInfo.ofType(type);
  }

  /**
   * The type a function produces at position {@code typeArgIndex} of {@code functionInterface}'s
   * type parameters, e.g. {@code outputTypeOf(fn, MapFunction.class, 1, config)} for the
   * {@code O} of {@code MapFunction<I, O>}.
   *
   * <p>How the type is found, in order:
   * <ol>
   *   <li>The function's class (a named or anonymous class) binds the type argument in its
   *       {@code implements}/{@code extends} clauses, directly or through superclasses and
   *       super-interfaces; type variables are resolved along the way.</li>
   *   <li>The function is a serializable lambda or method reference and the requested type
   *       variable occurs in the return type of the interface's single abstract method
   *       ({@code O map(I)}, or {@code Iterable<O> flatMap(I)}): the generic return type of the
   *       implementation method (the referenced method for {@code Bid::auction}, the class for
   *       {@code Bid::new}) is matched against it. Whether the position belongs to the method's
   *       return type is derived from {@code functionInterface}, so callers pass only the
   *       position.</li>
   *   <li>Otherwise the type is erased (a lambda's output that appears only in a parameter such
   *       as {@code Collector<O>}, a non-serializable lambda, a generic return like {@code T} or a
   *       raw {@code List}): the result is {@link TypeInfo#unknown()}.</li>
   * </ol>
   *
   * @param function          the user function, an instance of {@code functionInterface}
   * @param functionInterface a functional interface (one abstract method) whose type
   *                          parameter is asked for
   * @param typeArgIndex      position in {@code functionInterface.getTypeParameters()}
   * @param config            used to check the found type
   * @throws IllegalArgumentException if {@code function} does not implement the interface, the
   *                                  index is out of range or the interface is not functional
   * @throws InvalidTypeException     if a concrete type was found but no serializer fits it
   */
  public static TypeInfo<?> outputTypeOf(Object function, Class<?> functionInterface, int typeArgIndex,
                       SerializerConfig config) {
    TypeVariable<?>[] vars = functionInterface.getTypeParameters();
    if (!functionInterface.isInstance(function) || typeArgIndex < 0 || typeArgIndex >= vars.length) {
      throw new IllegalArgumentException("Expected an instance of " + functionInterface.getName()
          + " and a type parameter index below " + vars.length + ", but got "
          + function.getClass().getName() + " and " + typeArgIndex);
    }
    Type declared = GenericTypes.typeArgumentOf(function.getClass(), functionInterface, typeArgIndex);
    if (declared != null && GenericTypes.isConcrete(declared)) {
      return forType(declared, config);
    }
    Type implReturn = LambdaIntrospection.implReturnType(function);
    if (implReturn != null) {
      Type found = GenericTypes.match(samReturnType(functionInterface), implReturn, vars[typeArgIndex]);
      if (found != null && GenericTypes.isConcrete(found)) {
        return forType(found, config);
      }
    }
    return TypeInfo.unknown();
  }

  /** The single abstract method's generic return type, in terms of {@code iface}'s own type variables. */
  private static Type samReturnType(Class<?> iface) {
    Method sam = null;
    for (Method m : iface.getMethods()) {
      if (Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m)
          && (sam == null || m.getDeclaringClass() == iface)) {
        if (sam != null && !sam.getName().equals(m.getName())) {
          throw new IllegalArgumentException("Expected a functional interface, but "
              + iface.getName() + " has abstract methods " + sam.getName() + " and " + m.getName());
        }
        sam = m;
      }
    }
    if (sam == null) {
      throw new IllegalArgumentException("Expected a functional interface, but " + iface.getName()
          + " has no abstract method");
    }
    Type declaring = GenericTypes.parameterizationOf(iface, sam.getDeclaringClass());
    return GenericTypes.substitute(sam.getGenericReturnType(), GenericTypes.bindings(declaring));
  }

  private static boolean isObjectMethod(Method m) {
    try {
      Object.class.getMethod(m.getName(), m.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
