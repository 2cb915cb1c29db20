package weir.api.graph;

import weir.api.annotation.Internal;
import weir.api.functions.Function;
import weir.api.functions.RichFunction;
import weir.api.functions.RuntimeContext;

/** Lifecycle calls on user functions, which only rich functions receive. */
@Internal
public final class FunctionLifecycle {
  private FunctionLifecycle() {}

  /** Opens {@code function} if it is a rich function. */
  public static void open(Function function, RuntimeContext context) throws Exception {
    if (function instanceof RichFunction rich) {
      rich.open(context);
    }
  }

  /** Closes {@code function} if it is a rich function. */
  public static void close(Function function) throws Exception {
    if (function instanceof RichFunction rich) {
      rich.close();
    }
  }
}
