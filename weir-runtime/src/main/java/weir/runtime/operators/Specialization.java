package weir.runtime.operators;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;

/**
 * Creates operators and outputs as instances of their own hidden copy of their class.
 *
 * <p>Why: in a chain, one call site such as {@code output.collect(record)} inside {@code
 * MapOperator} sees every kind of output and every user function of the whole JVM, so the JIT
 * compiles it as a megamorphic interface call that it cannot inline. A private copy of the class
 * per place in a chain gives each call site a profile of its own, which is monomorphic: the JIT
 * then inlines the chain from source to sink, as if it had been written as one method. The
 * subtasks of one vertex see the same types at the same places, so they share their copies
 * (through a map keyed by place), which keeps compiled code from growing with parallelism.
 * Copies are made at deployment, never on the record path.
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
  public static <T> T instantiate(MethodHandles.Lookup lookup, Class<?> template, Object... args) {
    return instantiate(lookup, null, null, template, args);
  }

  /**
   * Like {@link #instantiate(MethodHandles.Lookup, Class, Object...)}, but the copy is shared
   * with every other caller that passes the same {@code place} and {@code copies} map.
   *
   * @param copies the copies made so far for one vertex, by place; {@code null} for a copy of its own
   * @param place where in the vertex the instance goes, e.g. {@code "op:3"}
   */
  @SuppressWarnings("unchecked")
  public static <T> T instantiate(MethodHandles.Lookup lookup, @Nullable Map<String, Class<?>> copies,
      @Nullable String place, Class<?> template, Object... args) {
    Constructor<?> constructor;
    try {
      Class<?> copy = copies == null ? copyOf(lookup, template)
          : copies.computeIfAbsent(place + "/" + template.getName(), k -> copyOf(lookup, template));
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
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Bug in operator specialization: cannot copy " + template.getName(), e);
    }
  }

  private static Class<?> copyOf(MethodHandles.Lookup lookup, Class<?> template) {
    try {
      return lookup.defineHiddenClass(bytesOf(template), true).lookupClass();
    } catch (IllegalAccessException | IOException e) {
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
