package weir.runtime.operators;

import weir.api.functions.Function;
import weir.api.graph.FunctionLifecycle;

/** Base of operators that drive one user function: opens and closes it with the operator. */
abstract class UdfOperator<F extends Function> implements StreamOperator {
  protected final F function;
  protected final OperatorContext context;

  UdfOperator(F function, OperatorContext context) {
    this.function = function;
    this.context = context;
  }

  @Override
  public String name() {
    return context.name();
  }

  @Override
  public void open() throws Exception {
    FunctionLifecycle.open(function, context.runtimeContext());
  }

  @Override
  public void close() throws Exception {
    FunctionLifecycle.close(function);
  }
}
