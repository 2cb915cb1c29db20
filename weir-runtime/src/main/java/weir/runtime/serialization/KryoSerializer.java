package weir.runtime.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.io.IOException;
import java.util.Objects;
import javax.annotation.Nullable;
import org.objenesis.strategy.StdInstantiatorStrategy;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.SimpleSerializerSnapshot;
import weir.api.typeinfo.TypeSerializer;
import weir.api.typeinfo.TypeSerializerSnapshot;

/**
 * The generic fallback serializer: Kryo 5 with class names written per value (no registration
 * required), references on (shared and cyclic object graphs survive), and objects created through
 * their no-argument constructor when there is one, else without calling a constructor (Objenesis).
 * Used only when the user opted in with {@code enableGenericTypes()}; the built-in serializers are
 * faster and smaller.
 *
 * <pre>
 * value : var int n  then  n bytes of Kryo output (writeClassAndObject; null-safe)
 * </pre>
 * The length prefix keeps a Kryo read from consuming bytes of the next record.
 *
 * <h3>Threading</h3>
 * Kryo is not thread-safe. The {@link Kryo} instance and its buffers are created lazily per
 * serializer instance and are transient; an instance is used by one thread, and
 * {@link #duplicate()} gives another thread its own. Classes resolve through the context class
 * loader of the thread that first uses the instance, falling back to the loader of the type.
 *
 * @param <T> the declared type; values may be of any subclass
 */
public final class KryoSerializer<T> extends TypeSerializer<T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private transient Kryo kryo;
  private transient Output output;
  private transient Input input;
  private transient byte[] readBuffer;

  /** Creates a serializer for values declared as {@code type}. */
  public KryoSerializer(Class<T> type) {
    this.type = Objects.requireNonNull(type);
  }

  private Kryo kryo() {
    if (kryo == null) {
      Kryo k = new Kryo();
      k.setRegistrationRequired(false);
      k.setReferences(true);
      k.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      k.setClassLoader(context != null ? context : type.getClassLoader());
      kryo = k;
      output = new Output(256, -1);
      input = new Input();
      readBuffer = new byte[256];
    }
    return kryo;
  }

  @Override
  public void serialize(@Nullable T value, DataOutputView out) throws IOException {
    Kryo k = kryo();
    output.reset();
    k.writeClassAndObject(output, value);
    out.writeVarInt(output.position());
    out.write(output.getBuffer(), 0, output.position());
  }

  @Override
  @Nullable
  @SuppressWarnings("unchecked")
  public T deserialize(DataInputView in) throws IOException {
    Kryo k = kryo();
    int length = in.readVarInt();
    if (length > readBuffer.length) {
      readBuffer = new byte[Math.max(length, readBuffer.length * 2)];
    }
    in.readFully(readBuffer, 0, length);
    input.setBuffer(readBuffer, 0, length);
    return (T) k.readClassAndObject(input);
  }

  @Override
  @Nullable
  public T copy(@Nullable T value) {
    return value == null ? null : kryo().copy(value);
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return new KryoSerializer<>(type);
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new SimpleSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KryoSerializer<?> other && other.type == type;
  }

  @Override
  public int hashCode() {
    return type.getName().hashCode();
  }

  @Override
  public String toString() {
    return "KryoSerializer[" + type.getName() + "]";
  }
}
