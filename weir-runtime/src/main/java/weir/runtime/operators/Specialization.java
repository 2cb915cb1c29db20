package weir.runtime.operators;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates operators and outputs as instances of their own hidden copy of their class.
 *
 * <p>Why: in a chain, one call site such as {@code output.collect(record)} inside {@code
 * MapOperator} sees every kind of output and every user function of the whole JVM, so the JIT
 * compiles it as a megamorphic interface call that it cannot inline. A private copy of the class
 * per instance gives each call site a profile of its own, which is monomorphic in a chain: the
 * JIT then inlines the chain from source to sink, as if it had been written as one method. The
 * copies are made once per subtask at deployment, never on the record path.
 */
public final class Specialization {
  private static final Map<Class<?>, byte[]> BYTES = new ConcurrentHashMap<>();

  private Specialization() {}

  /**
   * A new instance of a private hidden copy of {@code template}, made with its only public
   * constructor. The copy is not a subclass of the template: use it through the interfaces the
   * template implements.
   *
   * @param lookup a full-privilege lookup of the template's package ({@code MethodHandles.lookup()})
   */
  @SuppressWarnings("unchecked")
  public static <T> T instantiate(MethodHandles.Lookup lookup, Class<?> template, Object... args) {
    Constructor<?> constructor;
    try {
      Class<?> copy = lookup.defineHiddenClass(bytesOf(template), true).lookupClass();
      Constructor<?>[] constructors = copy.getConstructors();
      if (constructors.length != 1) {
        throw new IllegalStateException("Bug in operator specialization: " + template.getName()
            + " needs exactly one public constructor, but has " + constructors.length);
      }
      constructor = constructors[0];
      // the copy is not public; plain reflection is cheaper to start than a method handle
      constructor.setAccessible(true);
      return (T) constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("Constructor of " + template.getName() + " failed", cause);
    } catch (ReflectiveOperationException | IOException e) {
      throw new IllegalStateException("Bug in operator specialization: cannot copy " + template.getName(), e);
    }
  }

  private static byte[] bytesOf(Class<?> template) throws IOException {
    byte[] bytes = BYTES.get(template);
    if (bytes == null) {
      String resource = template.getName().substring(template.getName().lastIndexOf('.') + 1) + ".class";
      try (InputStream in = template.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("class file " + resource + " not found");
        }
        bytes = in.readAllBytes();
      }
      BYTES.put(template, bytes);
    }
    return bytes;
  }
}
