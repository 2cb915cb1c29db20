package weir.api.datastream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.annotation.Nullable;
import weir.api.annotation.Internal;
import weir.api.graph.UserCodeObjectInputStream;

/**
 * Checks at build time that a user function (or source, sink, key selector) survives Java
 * serialization, as it must to travel in the job graph, and when it does not, finds the path of
 * the field that holds the non-serializable object.
 */
@Internal
public final class SerializabilityCheck {
  private SerializabilityCheck() {}

  /**
   * Throws an {@link InvalidProgramException} naming {@code what} (e.g. "the function of operator
   * 'Map'") and the offending field path if {@code object} does not serialize, or does not
   * deserialize again (a non-serializable superclass without a no-argument constructor, a
   * failing {@code readObject}).
   */
  public static void check(Object object, String what) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    } catch (IOException e) {
      String path = findNonSerializable(object);
      String detail = path != null ? path : e.toString();
      throw new InvalidProgramException(
          "The " + what + " is not serializable: " + detail
              + ". Functions travel inside the job graph: make that field transient and create it in open(),"
              + " or make its type Serializable (for lambdas: do not capture it).",
          e);
    }
    try (ObjectInputStream in = new UserCodeObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      in.readObject();
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      throw new InvalidProgramException(
          "The " + what + " serializes but cannot be deserialized again: " + e
              + ". Each subtask runs a deserialized copy: give non-serializable superclasses a no-argument"
              + " constructor and make sure custom readObject methods work.",
          e);
    }
  }

  /** Breadth-first search for the shortest field path to a non-serializable object. */
  @Nullable
  static String findNonSerializable(Object root) {
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    ArrayDeque<Object[]> queue = new ArrayDeque<>();
    queue.add(new Object[] {root, ""});
    while (!queue.isEmpty()) {
      Object[] item = queue.poll();
      Object value = item[0];
      String path = (String) item[1];
      if (value == null || seen.put(value, Boolean.TRUE) != null) {
        continue;
      }
      Class<?> type = value.getClass();
      Object replaced = lambdaOf(value);
      if (replaced instanceof SerializedLambda lambda) {
        for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
          queue.add(new Object[] {lambda.getCapturedArg(i), child(path, "capturedArg" + i)});
        }
        continue;
      }
      if (!(value instanceof Serializable)) {
        return path.isEmpty()
            ? type.getName() + " does not implement Serializable"
            : "field '" + path + "' of " + root.getClass().getName() + " holds a " + type.getName()
                + ", which is not Serializable";
      }
      if (type.isArray()) {
        if (!type.getComponentType().isPrimitive()) {
          Object[] array = (Object[]) value;
          for (int i = 0; i < array.length; i++) {
            queue.add(new Object[] {array[i], path + "[" + i + "]"});
          }
        }
        continue;
      }
      if (type.getName().startsWith("java.")) {
        continue; // JDK collections serialize their contents through custom writeObject methods
      }
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          int mod = f.getModifiers();
          if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.getType().isPrimitive()) {
            continue;
          }
          try {
            f.setAccessible(true);
            queue.add(new Object[] {f.get(value), child(path, f.getName())});
          } catch (RuntimeException | IllegalAccessException inaccessible) {
            // a field we may not read cannot be blamed; keep looking elsewhere
          }
        }
      }
    }
    return null;
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  @Nullable
  private static Object lambdaOf(Object value) {
    if (!value.getClass().isSynthetic()) {
      return null;
    }
    try {
      Method writeReplace = value.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      return writeReplace.invoke(value);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
