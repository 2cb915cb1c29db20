package weir.api.datastream;

import weir.api.functions.RichFunction;
import weir.api.functions.RuntimeContext;

/** A rich function that counts how often it is opened and closed, for tests of the lifecycle calls. */
abstract class CountsOpenAndClose implements RichFunction {
  int opened;
  int closed;

  @Override
  public void open(RuntimeContext context) {
    opened++;
  }

  @Override
  public void close() {
    closed++;
  }
}
