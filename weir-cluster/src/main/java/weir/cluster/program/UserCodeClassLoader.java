package weir.cluster.program;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one job's user code: classes and resources of the job's jar come first
 * (child-first), so a job may bring its own version of a library the cluster also uses; the JDK,
 * Weir's engine and its logging API always come from the parent, so the job and the engine speak
 * about the same {@code DataStream}, {@code TypeSerializer} and {@code Logger} classes.
 */
public final class UserCodeClassLoader extends URLClassLoader {
  static {
    ClassLoader.registerAsParallelCapable();
  }

  // packages always loaded by the parent
  private static final String[] PARENT_FIRST = {
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.",
      "weir.api.", "weir.runtime.", "weir.cluster.", "org.slf4j.", "io.grpc.", "com.google.protobuf."
  };

  public UserCodeClassLoader(Path jar, ClassLoader parent) throws IOException {
    super(new URL[] {jar.toUri().toURL()}, parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        if (isParentFirst(name)) {
          c = getParent().loadClass(name);
        } else {
          try {
            c = findClass(name);
          } catch (ClassNotFoundException e) {
            c = getParent().loadClass(name);
          }
        }
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  @Override
  public URL getResource(String name) {
    String asClass = name.replace('/', '.');
    if (isParentFirst(asClass)) {
      return getParent().getResource(name);
    }
    URL own = findResource(name);
    return own != null ? own : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
    all.addAll(Collections.list(getParent().getResources(name)));
    return Collections.enumeration(all);
  }

  /** Calls {@code action} with {@code loader} as the thread's context class loader, as user code expects. */
  public static <T> T callWith(ClassLoader loader, java.util.concurrent.Callable<T> action) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return action.call();
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  private static boolean isParentFirst(String name) {
    for (String prefix : PARENT_FIRST) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
