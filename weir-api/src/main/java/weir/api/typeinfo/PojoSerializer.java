package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/**
 * Serializer for a POJO: a class with a public no-argument constructor whose non-static,
 * non-transient fields (its own and inherited ones, superclass fields first) are each public and
 * non-final, or have a public getter ({@code getX}/{@code isX}) and setter ({@code setX}). Each
 * field is written with its own serializer, non-primitive fields behind a one-byte null marker.
 * Constructor and accessors are looked up once as {@link MethodHandle}s.
 *
 * <p>The exact class is serialized: a subclass instance loses its subclass fields. Reads create
 * the declared class, so declare fields with the concrete class.
 *
 * <h3>Compatibility</h3>
 * The snapshot stores field names and each field's snapshot; a new serializer is compatible when
 * it serializes the same class with the same field names in the same order and every field is
 * compatible.
 *
 * <h3>Failure cases</h3>
 * Construction fails with {@link InvalidTypeException} naming the class and field when a field
 * has no accessor or the class has no public no-argument constructor. Exceptions thrown by user
 * constructors, getters and setters propagate (checked ones wrapped).
 *
 * @param <T> the POJO type
 * @since 0.1
 */
@Evolving
public final class PojoSerializer<T> extends TypeSerializer<T> {

  private static final long serialVersionUID = 1L;
  private static final MethodType NO_ARG = MethodType.methodType(Object.class);

  private final Class<T> type;
  private final FieldSerializers fields;
  /** {@code ()Object}; the handles are transient because they are not serializable. */
  private transient MethodHandle constructor;
  /** {@code (Object)Object}, in field order. */
  private transient MethodHandle[] getters;
  /** {@code (Object,Object)void}, in field order. */
  private transient MethodHandle[] setters;

  /** Creates a serializer for POJO {@code type}; {@code fieldNames[i]} is written with {@code fieldSerializers[i]}. */
  public PojoSerializer(Class<T> type, String[] fieldNames, TypeSerializer<?>[] fieldSerializers) {
    this.type = type;
    Class<?>[] types = new Class<?>[fieldNames.length];
    for (int i = 0; i < types.length; i++) {
      types[i] = PojoFields.find(type, fieldNames[i]).getType();
    }
    this.fields = new FieldSerializers(fieldNames, fieldSerializers, types);
    bind();
  }

  private void bind() {
    try {
      constructor = Reflection.constructor(type.getConstructor(), NO_ARG);
    } catch (NoSuchMethodException e) {
      throw new InvalidTypeException("POJO '" + type.getName() + "' has no public no-argument constructor", e);
    }
    getters = new MethodHandle[fields.size()];
    setters = new MethodHandle[fields.size()];
    for (int i = 0; i < getters.length; i++) {
      Field f = PojoFields.find(type, fields.names[i]);
      String problem = PojoFields.problem(type, f);
      if (problem != null) {
        throw new InvalidTypeException("POJO '" + type.getName() + "': " + problem);
      }
      getters[i] = PojoFields.getter(type, f);
      setters[i] = PojoFields.setter(type, f);
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

  @SuppressWarnings("unchecked")
  private T create() {
    try {
      return (T) (Object) constructor.invokeExact();
    } catch (Throwable t) {
      throw Reflection.rethrow(t, type, "construct");
    }
  }

  private Object get(int i, Object pojo) {
    try {
      return (Object) getters[i].invokeExact(pojo);
    } catch (Throwable t) {
      throw Reflection.rethrow(t, type, "read field '" + fields.names[i] + "' of");
    }
  }

  private void set(int i, Object pojo, Object value) {
    try {
      setters[i].invokeExact(pojo, value);
    } catch (Throwable t) {
      throw Reflection.rethrow(t, type, "write field '" + fields.names[i] + "' of");
    }
  }

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    for (int i = 0; i < getters.length; i++) {
      fields.write(i, get(i, value), out);
    }
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
    T result = create();
    for (int i = 0; i < setters.length; i++) {
      set(i, result, fields.read(i, in));
    }
    return result;
  }

  @Override
  public T copy(T value) {
    T result = create();
    for (int i = 0; i < setters.length; i++) {
      set(i, result, fields.copy(i, get(i, value)));
    }
    return result;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    TypeSerializer<?>[] d = fields.duplicates();
    return fields.sameAs(d) ? this : new PojoSerializer<>(type, fields.names, d);
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new FieldsSnapshot<>(type, false, fields.names, fields.snapshots());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PojoSerializer<?> other && other.type == type && other.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return 37 * type.getName().hashCode() + fields.hashCode();
  }

  @Override
  public String toString() {
    return "PojoSerializer[" + type.getName() + "{" + fields + "}]";
  }
}
