package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Serializer for a Java record: the components in declaration order, each with its own
 * serializer and, unless the component is primitive, a one-byte null marker. Reads back through
 * the canonical constructor (so compact-constructor validation runs), looked up once as a
 * {@link MethodHandle}; accessors likewise.
 *
 * <p>A record whose component serializers are all immutable is itself immutable, so
 * {@link #copy} returns it unchanged; otherwise copy rebuilds it from copied components.
 *
 * <h3>Compatibility</h3>
 * The snapshot stores the component names and each component's snapshot. A new serializer is
 * compatible when it serializes the same record class with the same component names in the same
 * order and every component is compatible.
 *
 * <h3>Failure cases</h3>
 * Construction fails with {@link InvalidTypeException} if the class is not a record, the
 * serializers do not match its components, or its members cannot be accessed (a record in a
 * named module that does not open its package). Exceptions thrown by the canonical constructor
 * propagate (checked ones wrapped in {@link IllegalStateException}).
 *
 * @param <T> the record type
 * @since 0.1
 */
@Evolving
public final class RecordSerializer<T> extends TypeSerializer<T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final FieldSerializers fields;
  private final boolean immutable;
  /** Canonical constructor as {@code (Object[])Object}; transient because handles are not serializable. */
  private transient MethodHandle constructor;
  /** Accessors as {@code (Object)Object}, in component order. */
  private transient MethodHandle[] accessors;

  /** Creates a serializer for record {@code type} with one serializer per component, in declaration order. */
  public RecordSerializer(Class<T> type, TypeSerializer<?>[] componentSerializers) {
    this(type, new FieldSerializers(componentNames(type), componentSerializers, componentTypes(type)));
  }

  private RecordSerializer(Class<T> type, FieldSerializers fields) {
    this.type = type;
    this.fields = fields;
    this.immutable = fields.allImmutable();
    bind();
  }

  private static RecordComponent[] components(Class<?> type) {
    if (!type.isRecord()) {
      throw new InvalidTypeException("Expected a record class, but got '" + type.getName() + "'");
    }
    return type.getRecordComponents();
  }

  private static String[] componentNames(Class<?> type) {
    return Arrays.stream(components(type)).map(RecordComponent::getName).toArray(String[]::new);
  }

  private static Class<?>[] componentTypes(Class<?> type) {
    return Arrays.stream(components(type)).map(RecordComponent::getType).toArray(Class<?>[]::new);
  }

  private void bind() {
    RecordComponent[] rc = components(type);
    if (!Arrays.equals(componentNames(type), fields.names)) {
      throw new InvalidTypeException("Record '" + type.getName() + "' has components "
          + Arrays.toString(componentNames(type)) + ", but the serializer was built for "
          + Arrays.toString(fields.names));
    }
    accessors = new MethodHandle[rc.length];
    for (int i = 0; i < rc.length; i++) {
      accessors[i] = Reflection.method(rc[i].getAccessor(), Reflection.GETTER);
    }
    try {
      MethodHandle canonical = Reflection.constructor(type.getDeclaredConstructor(componentTypes(type)),
          MethodType.methodType(Object.class, componentTypes(type)));
      constructor = canonical.asSpreader(Object[].class, rc.length);
    } catch (NoSuchMethodException e) {
      throw new InvalidTypeException("Record '" + type.getName() + "' has no canonical constructor", e);
    }
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    bind();
  }

  FieldSerializers fields() {
    return fields;
  }

  Class<T> type() {
    return type;
  }

  private Object get(int i, Object record) {
    try {
      return (Object) accessors[i].invokeExact(record);
    } catch (Throwable t) {
      throw Reflection.rethrow(t, type, "read component '" + fields.names[i] + "' of");
    }
  }

  @SuppressWarnings("unchecked")
  private T construct(Object[] args) {
    try {
      return (T) (Object) constructor.invokeExact(args);
    } catch (Throwable t) {
      throw Reflection.rethrow(t, type, "construct");
    }
  }

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    for (int i = 0; i < accessors.length; i++) {
      fields.write(i, get(i, value), out);
    }
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
    Object[] args = new Object[accessors.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = fields.read(i, in);
    }
    return construct(args);
  }

  @Override
  public T copy(T value) {
    if (isImmutableType()) {
      return value;
    }
    Object[] args = new Object[accessors.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = fields.copy(i, get(i, value));
    }
    return construct(args);
  }

  @Override
  public boolean isImmutableType() {
    return immutable;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    TypeSerializer<?>[] d = fields.duplicates();
    return fields.sameAs(d) ? this : new RecordSerializer<>(type, d);
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new FieldsSnapshot<>(type, true, fields.names, fields.snapshots());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordSerializer<?> other && other.type == type && other.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return 31 * type.getName().hashCode() + fields.hashCode();
  }

  @Override
  public String toString() {
    return "RecordSerializer[" + type.getName() + "{" + fields + "}]";
  }
}
