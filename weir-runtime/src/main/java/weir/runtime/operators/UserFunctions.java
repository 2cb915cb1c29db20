package weir.runtime.operators;

import weir.api.functions.Function;
import weir.api.functions.RichFunction;
import weir.api.functions.RuntimeContext;

/** Lifecycle calls on user functions, which only rich functions receive. */
final class UserFunctions {
  private UserFunctions() {}

  static void open(Function function, RuntimeContext context) throws Exception {
    if (function instanceof RichFunction rich) {
      rich.open(context);
    }
  }

  static void close(Function function) throws Exception {
    if (function instanceof RichFunction rich) {
      rich.close();
    }
  }
}
