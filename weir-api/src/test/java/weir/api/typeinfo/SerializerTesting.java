package weir.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/** Round-trip helpers shared by the serializer tests. */
public final class SerializerTesting {

  private SerializerTesting() {
  }

  /** Serializes and deserializes {@code value}, checking that exactly the written bytes are read. */
  public static <T> T roundTrip(TypeSerializer<T> serializer, T value) {
    try {
      DataOutputSerializer out = new DataOutputSerializer(8);
      serializer.serialize(value, out);
      DataInputDeserializer in = new DataInputDeserializer(out.copyOfBuffer());
      T result = serializer.deserialize(in);
      assertThat(in.available()).as("bytes left after deserializing %s", value).isZero();
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code value} with Java serialization and reads it back. */
  @SuppressWarnings("unchecked")
  static <T> T javaRoundTrip(T value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("Java serialization failed for " + value, e);
    }
  }
}
