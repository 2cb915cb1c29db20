package weir.runtime.window;

import java.io.IOException;
import javax.annotation.Nullable;
import weir.api.typeinfo.DataInputDeserializer;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputSerializer;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.DynamicSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeSerializer;

/**
 * How the sliced and session operators write the accumulators they keep per key into snapshots
 * and read them back: {@code int length, bytes}. Accumulators kept as bytes are written as they
 * lie; accumulators kept as objects (no serializer for their type) with a serializer that finds
 * each value's serializer from its class.
 *
 * <p>Used on the subtask's thread only: the scratch buffers are shared by all keys.
 *
 * @param <A> the accumulator type
 */
final class AccumulatorCodec<A> {
  @Nullable private final TypeSerializer<A> serializer;
  private final TypeSerializer<A> objectSerializer;
  private final DataOutputSerializer scratch = new DataOutputSerializer(64);
  private final DataInputDeserializer in = new DataInputDeserializer();

  /** @param serializer the serializer of accumulators kept as bytes, or {@code null} when they are kept as objects */
  AccumulatorCodec(@Nullable TypeSerializer<A> serializer, SerializerConfig config) {
    this.serializer = serializer;
    this.objectSerializer = new DynamicSerializer<>(config);
  }

  /** Whether the accumulators are kept as bytes. */
  boolean keepsBytes() {
    return serializer != null;
  }

  /** Writes an accumulator kept as {@code length} bytes of {@code bytes} from {@code offset}. */
  void writeBytes(byte[] bytes, int offset, int length, DataOutputView out) throws IOException {
    out.writeInt(length);
    out.write(bytes, offset, length);
  }

  /** Writes an accumulator kept as an object. */
  void writeObject(A accumulator, DataOutputView out) throws IOException {
    scratch.clear();
    objectSerializer.serialize(accumulator, scratch);
    writeBytes(scratch.getSharedBuffer(), 0, scratch.position(), out);
  }

  /** Reads the bytes of an accumulator written by either method. */
  byte[] readBytes(DataInputView source) throws IOException {
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    return bytes;
  }

  /** The accumulator kept as an object whose bytes {@link #readBytes} read. */
  A object(byte[] bytes) throws IOException {
    in.setBuffer(bytes, 0, bytes.length);
    return objectSerializer.deserialize(in);
  }
}
