package weir.runtime.graph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import weir.api.graph.UserCodeObjectInputStream;
import java.io.UncheckedIOException;

/**
 * Copies graph parts through Java serialization, resolving classes with the user code class
 * loader. Each subtask runs its own copy of its chain's user functions, as it would on a
 * cluster, so functions never share mutable fields across subtasks.
 */
public final class JavaSerialization {
  private JavaSerialization() {}

  /** A deep copy of {@code object}, made by serializing and deserializing it. */
  @SuppressWarnings("unchecked")
  public static <T extends Serializable> T copy(T object) {
    try {
      return (T) deserialize(serialize(object));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not copy " + object + " through serialization", e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Could not copy " + object + ": class not found: " + e.getMessage(), e);
    }
  }

  /** The serialized form of {@code object}. */
  public static byte[] serialize(Serializable object) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    return bytes.toByteArray();
  }

  /** Reads an object, resolving classes with the current thread's context class loader. */
  public static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new UserCodeObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }

}
