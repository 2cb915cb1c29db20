package weir.api.typeinfo;

import weir.api.annotation.Evolving;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Serializer for values whose type was erased when the job was built ({@link TypeInfo#unknown()}):
 * it writes each value's class name and delegates to the serializer {@link TypeExtractor} picks for
 * that runtime class. Null-safe. Inside a runtime class, erased type arguments (a {@code List}'s
 * elements, a generic record's components) are dynamic too.
 *
 * <pre>
 * value  : string (class name; null marker for a null value)  then  the class's own encoding
 * </pre>
 *
 * <h3>Cost</h3>
 * A class name per record on the wire and a string per record when reading; the serializer for a
 * class is inferred once per serializer instance and cached. Prefer a concrete type (an anonymous
 * class, a method reference, or an explicit {@link TypeInfo}) on hot streams.
 *
 * <h3>Threading</h3>
 * Keeps a per-instance cache, so it is not shareable: {@link #duplicate()} returns a fresh one.
 * Classes are loaded through the thread's context class loader, falling back to weir-api's.
 *
 * <h3>Failure cases</h3>
 * A value whose class no serializer fits throws {@link InvalidTypeException} naming the class
 * (when generic types are enabled, the generic fallback is used instead); an unknown class name
 * on read throws {@link IOException}.
 *
 * @param <T> the static type of the values, usually {@code Object}
 * @since 0.1
 */
@Evolving
public final class DynamicSerializer<T> extends TypeSerializer<T> {

  private static final long serialVersionUID = 1L;

  private final SerializerConfig config;
  /** Serializer per runtime class; owned by the thread using this instance. */
  private transient Map<Class<?>, TypeSerializer<Object>> byClass;
  /** The same serializers by class name, for reading. */
  private transient Map<String, TypeSerializer<Object>> byName;

  /** Creates a serializer that infers per-class serializers under {@code config}. */
  public DynamicSerializer(SerializerConfig config) {
    this.config = Objects.requireNonNull(config);
    initCaches();
  }

  private void initCaches() {
    byClass = new HashMap<>();
    byName = new HashMap<>();
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    initCaches();
  }

  @SuppressWarnings("unchecked")
  private TypeSerializer<Object> serializerFor(Class<?> type) {
    TypeSerializer<Object> s = byClass.get(type);
    if (s == null) {
      s = (TypeSerializer<Object>) SerializerResolver.forRuntimeClass(type, config);
      byClass.put(type, s);
      byName.put(type.getName(), s);
    }
    return s;
  }

  private TypeSerializer<Object> serializerFor(String className) throws IOException {
    TypeSerializer<Object> s = byName.get(className);
    if (s != null) {
      return s;
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    try {
      return serializerFor(Class.forName(className, false, context != null ? context : getClass().getClassLoader()));
    } catch (ClassNotFoundException e) {
      throw new IOException("Cannot read a value of class '" + className + "': class not found", e);
    }
  }

  @Override
  public void serialize(@Nullable T value, DataOutputView out) throws IOException {
    if (value == null) {
      out.writeString(null);
      return;
    }
    TypeSerializer<Object> s = serializerFor(value.getClass());
    out.writeString(value.getClass().getName());
    s.serialize(value, out);
  }

  @Override
  @Nullable
  @SuppressWarnings("unchecked")
  public T deserialize(DataInputView in) throws IOException {
    String className = in.readString();
    return className == null ? null : (T) serializerFor(className).deserialize(in);
  }

  @Override
  @Nullable
  @SuppressWarnings("unchecked")
  public T copy(@Nullable T value) {
    return value == null ? null : (T) serializerFor(value.getClass()).copy(value);
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return new DynamicSerializer<>(config);
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new SimpleSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DynamicSerializer<?> other && other.config.equals(config);
  }

  @Override
  public int hashCode() {
    return config.hashCode();
  }

  @Override
  public String toString() {
    return "DynamicSerializer";
  }
}
