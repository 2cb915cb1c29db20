package weir.api.typeinfo;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Picks the serializer for a {@link Type}, recursively: registered serializers first, then the
 * built-ins (primitives, boxed types, {@code String}, arrays, enums, {@code List}/{@code Set}/
 * {@code Map}/{@code Optional}, records, POJOs), then, if enabled, the generic fallback.
 *
 * <p>It tracks the field path from the root type for error messages, and the stack of records and
 * POJOs being analysed, so a recursive type fails with a message instead of overflowing the stack.
 *
 * <p>In <em>runtime-class</em> mode (used by {@link DynamicSerializer} for a value's class, whose
 * type arguments are erased) unbound type variables, raw container classes and recursive fields
 * get a {@link DynamicSerializer} instead of failing, and any {@code List}, {@code Set} or
 * {@code Map} implementation is accepted (read back as the standard class).
 *
 * <p>One instance per resolution; not thread-safe.
 */
final class SerializerResolver {

  private static final int MAX_DEPTH = 64;
  private static final Map<Class<?>, TypeSerializer<?>> BASIC = basicSerializers();

  private final SerializerConfig config;
  private final Type root;
  private final boolean runtimeClass;
  private final List<String> path = new ArrayList<>();
  private final List<Type> analysing = new ArrayList<>();

  private SerializerResolver(SerializerConfig config, Type root, boolean runtimeClass) {
    this.config = config;
    this.root = root;
    this.runtimeClass = runtimeClass;
  }

  /** The serializer for a declared type; throws {@link InvalidTypeException} if none fits. */
  static TypeSerializer<?> resolve(Type type, SerializerConfig config) {
    return new SerializerResolver(config, type, false).serializerFor(type);
  }

  /** The serializer for the class of a value at run time; throws {@link InvalidTypeException} if none fits. */
  static TypeSerializer<?> forRuntimeClass(Class<?> type, SerializerConfig config) {
    return new SerializerResolver(config, type, true).serializerFor(type);
  }

  private static Map<Class<?>, TypeSerializer<?>> basicSerializers() {
    Map<Class<?>, TypeSerializer<?>> m = new HashMap<>();
    m.put(boolean.class, BooleanSerializer.INSTANCE);
    m.put(byte.class, ByteSerializer.INSTANCE);
    m.put(short.class, ShortSerializer.INSTANCE);
    m.put(char.class, CharSerializer.INSTANCE);
    m.put(int.class, IntSerializer.INSTANCE);
    m.put(long.class, LongSerializer.INSTANCE);
    m.put(float.class, FloatSerializer.INSTANCE);
    m.put(double.class, DoubleSerializer.INSTANCE);
    for (Class<?> primitive : List.copyOf(m.keySet())) {
      m.put((Class<?>) GenericTypes.box(primitive), m.get(primitive));
    }
    m.put(String.class, StringSerializer.INSTANCE);
    return Map.copyOf(m);
  }

  private TypeSerializer<?> serializerFor(Type type) {
    if (type instanceof Class<?> c) {
      return forClass(c);
    }
    if (type instanceof ParameterizedType p) {
      return forParameterized(p);
    }
    if (type instanceof GenericArrayType g) {
      return forObjectArray(GenericTypes.erasure(g.getGenericComponentType()), g.getGenericComponentType());
    }
    if (type instanceof TypeVariable<?> v) {
      return runtimeClass ? dynamic()
          : fail(type, "type variable '" + v.getName() + "' is not bound to a concrete type here");
    }
    return fail(type, "a wildcard does not say which type to serialize");
  }

  private TypeSerializer<?> forClass(Class<?> c) {
    TypeSerializer<?> registered = config.registeredSerializer(c);
    if (registered != null) {
      return registered.duplicate();
    }
    TypeSerializer<?> basic = BASIC.get(c);
    if (basic != null) {
      return basic;
    }
    if (c.isArray()) {
      TypeSerializer<?> primitive = PrimitiveArraySerializer.forArrayClass(c);
      return primitive != null ? primitive : forObjectArray(c.getComponentType(), c.getComponentType());
    }
    if (c != Enum.class && Enum.class.isAssignableFrom(c)) {
      return enumSerializer(c.isEnum() ? c : c.getSuperclass());
    }
    if (runtimeClass) {
      TypeSerializer<?> container = container(c, null, false);
      if (container != null) {
        return container;
      }
    } else if (isDeclaredContainer(c)) {
      return fail(c, "it is a raw type, so its elements' type is unknown; declare the type arguments");
    }
    return c.isRecord() ? forRecord(c, c) : forPojo(c, c);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeSerializer<?> enumSerializer(Class<?> c) {
    return new EnumSerializer(c);
  }

  private TypeSerializer<?> forParameterized(ParameterizedType p) {
    Class<?> raw = GenericTypes.erasure(p);
    TypeSerializer<?> registered = config.registeredSerializer(raw);
    if (registered != null) {
      return registered.duplicate();
    }
    TypeSerializer<?> container = container(raw, p.getActualTypeArguments(), true);
    if (container != null) {
      return container;
    }
    return raw.isRecord() ? forRecord(raw, p) : forPojo(raw, p);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private TypeSerializer<?> forObjectArray(Class<?> component, Type genericComponent) {
    return new ObjectArraySerializer(component, withPath("[element]", genericComponent));
  }

  /**
   * The serializer of a supported container class, or null. {@code args} null means erased
   * (elements get a {@link DynamicSerializer}); {@code exact} accepts only the declared types
   * the built-ins read back, otherwise any implementation of {@code List}, {@code Set}, {@code Map}.
   */
  @Nullable
  @SuppressWarnings({"unchecked", "rawtypes"})
  private TypeSerializer<?> container(Class<?> raw, @Nullable Type[] args, boolean exact) {
    if (raw == Optional.class) {
      return new OptionalSerializer(argument(args, 0, "[value]"));
    }
    CollectionSerializer.Kind kind = collectionKind(raw, exact);
    if (kind != null) {
      return new CollectionSerializer(kind, argument(args, 0, "[element]"));
    }
    if (exact ? isDeclaredMap(raw) : Map.class.isAssignableFrom(raw)) {
      return new MapSerializer(argument(args, 0, "[key]"), argument(args, 1, "[value]"),
          LinkedHashMap.class.isAssignableFrom(raw));
    }
    return null;
  }

  private static boolean isDeclaredMap(Class<?> raw) {
    return raw == Map.class || raw == HashMap.class || raw == LinkedHashMap.class;
  }

  private static boolean isDeclaredContainer(Class<?> raw) {
    return raw == Optional.class || isDeclaredMap(raw) || collectionKind(raw, true) != null;
  }

  private TypeSerializer<?> argument(@Nullable Type[] args, int index, String segment) {
    return args == null ? dynamic() : withPath(segment, args[index]);
  }

  @Nullable
  private static CollectionSerializer.Kind collectionKind(Class<?> raw, boolean exact) {
    if (raw == LinkedList.class) {
      return CollectionSerializer.Kind.LINKED_LIST;
    }
    if (raw == LinkedHashSet.class || !exact && LinkedHashSet.class.isAssignableFrom(raw)) {
      return CollectionSerializer.Kind.LINKED_HASH_SET;
    }
    if (raw == List.class || raw == Collection.class || raw == ArrayList.class
        || !exact && List.class.isAssignableFrom(raw)) {
      return CollectionSerializer.Kind.ARRAY_LIST;
    }
    if (raw == Set.class || raw == HashSet.class || !exact && Set.class.isAssignableFrom(raw)) {
      return CollectionSerializer.Kind.HASH_SET;
    }
    return null;
  }

  private TypeSerializer<?> forRecord(Class<?> c, Type type) {
    if (!enter(type)) {
      return runtimeClass ? dynamic() : fail(type, recursionReason());
    }
    try {
      Map<TypeVariable<?>, Type> bindings = GenericTypes.bindings(type);
      RecordComponent[] components = c.getRecordComponents();
      TypeSerializer<?>[] serializers = new TypeSerializer<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        Type componentType = GenericTypes.substitute(components[i].getGenericType(), bindings);
        serializers[i] = withPath(components[i].getName(), componentType);
      }
      return new RecordSerializer<>(c, serializers);
    } finally {
      exit();
    }
  }

  private TypeSerializer<?> forPojo(Class<?> c, Type type) {
    String problem = pojoClassProblem(c);
    if (problem != null) {
      return fail(type, problem);
    }
    if (!enter(type)) {
      return runtimeClass ? dynamic() : fail(type, recursionReason());
    }
    try {
      List<Field> fields = PojoFields.of(c);
      String[] names = new String[fields.size()];
      TypeSerializer<?>[] serializers = new TypeSerializer<?>[fields.size()];
      for (int i = 0; i < names.length; i++) {
        Field f = fields.get(i);
        String fieldProblem = PojoFields.problem(c, f);
        if (fieldProblem == null && Arrays.asList(names).contains(f.getName())) {
          fieldProblem = "field '" + f.getName() + "' is declared twice in its class hierarchy";
        }
        if (fieldProblem != null) {
          return fail(type, fieldProblem);
        }
        Type declaring = GenericTypes.parameterizationOf(type, f.getDeclaringClass());
        names[i] = f.getName();
        serializers[i] = withPath(f.getName(),
            GenericTypes.substitute(f.getGenericType(), GenericTypes.bindings(declaring)));
      }
      return new PojoSerializer<>(c, names, serializers);
    } finally {
      exit();
    }
  }

  @Nullable
  private static String pojoClassProblem(Class<?> c) {
    if (c == Object.class) {
      return "java.lang.Object says nothing about the runtime type";
    }
    if (c.isInterface()) {
      return "it is an interface";
    }
    if (Modifier.isAbstract(c.getModifiers())) {
      return "it is an abstract class";
    }
    String name = c.getName();
    if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
      return "it is a JDK class without a built-in serializer";
    }
    try {
      c.getConstructor();
      return null;
    } catch (NoSuchMethodException e) {
      boolean inner = c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers());
      return "it is not a record and has no public no-argument constructor"
          + (inner ? " (an inner class needs its enclosing instance; make it static)" : "");
    }
  }

  private boolean enter(Type type) {
    if (analysing.contains(type) || analysing.size() >= MAX_DEPTH) {
      return false;
    }
    analysing.add(type);
    return true;
  }

  private void exit() {
    analysing.remove(analysing.size() - 1);
  }

  private String recursionReason() {
    return analysing.size() >= MAX_DEPTH
        ? "types nest deeper than " + MAX_DEPTH + " levels"
        : "it contains itself, and the built-in serializers do not follow recursive types";
  }

  private TypeSerializer<?> withPath(String segment, Type type) {
    path.add(segment);
    try {
      return serializerFor(type);
    } finally {
      path.remove(path.size() - 1);
    }
  }

  private TypeSerializer<?> dynamic() {
    return new DynamicSerializer<>(config);
  }

  private TypeSerializer<?> fail(Type type, String reason) {
    if (config.isGenericTypesEnabled()) {
      GenericSerializerProvider provider = provider();
      if (provider != null) {
        return provider.createSerializer(GenericTypes.erasure(type));
      }
      reason += "; generic types are enabled, but no GenericSerializerProvider is on the class path"
          + " (weir-runtime provides one based on Kryo)";
    }
    String where = path.isEmpty() ? "" : " at field '" + pathString() + "'";
    throw new InvalidTypeException("Cannot serialize type '" + root.getTypeName() + "'" + where + " ("
        + type.getTypeName() + "): no serializer fits, " + reason + ". Fix: make it a record or POJO with"
        + " concrete field types, register one with env.getConfig().getSerializerConfig().registerSerializer("
        + GenericTypes.erasure(type).getTypeName() + ".class, ...), or opt into the generic fallback with"
        + " enableGenericTypes()");
  }

  private String pathString() {
    StringBuilder sb = new StringBuilder();
    for (String segment : path) {
      if (sb.length() > 0 && !segment.startsWith("[")) {
        sb.append('.');
      }
      sb.append(segment);
    }
    return sb.toString();
  }

  @Nullable
  private static GenericSerializerProvider provider() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      Optional<GenericSerializerProvider> found = ServiceLoader.load(GenericSerializerProvider.class, context).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
    }
    return ServiceLoader.load(GenericSerializerProvider.class, GenericSerializerProvider.class.getClassLoader())
        .findFirst().orElse(null);
  }
}
