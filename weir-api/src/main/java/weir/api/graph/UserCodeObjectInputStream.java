package weir.api.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import weir.api.annotation.Internal;

/**
 * Reads serialized user code, resolving classes with the current thread's context class loader
 * (the user code class loader where there is one) before falling back to the default.
 */
@Internal
public final class UserCodeObjectInputStream extends ObjectInputStream {
  private final ClassLoader loader;

  public UserCodeObjectInputStream(InputStream in) throws IOException {
    super(in);
    this.loader = Thread.currentThread().getContextClassLoader();
  }

  @Override
  protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
    try {
      return Class.forName(desc.getName(), false, loader);
    } catch (ClassNotFoundException e) {
      return super.resolveClass(desc);
    }
  }
}
