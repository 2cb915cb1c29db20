package weir.runtime.operators;

import java.util.List;
import java.util.Map;
import weir.api.functions.Function;
import weir.api.graph.FunctionLifecycle;

/**
 * Base of operators that drive one user function: initializes its state (when it is a {@code
 * CheckpointedFunction}) and opens it with the operator, lets it snapshot its state at each
 * checkpoint, passes checkpoint notifications on (to a {@code CheckpointListener}), and closes it
 * with the operator.
 */
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
    FunctionLifecycle.initializeState(function, new FunctionStateInitialization(context.operatorState(),
        context.runtimeContext()));
    FunctionLifecycle.open(function, context.runtimeContext());
  }

  /** Lets the function bring its states up to date; the task snapshots them next. */
  @Override
  public Map<String, List<byte[]>> snapshotOperatorState(long checkpointId, long timestamp) throws Exception {
    FunctionLifecycle.snapshotState(function, new FunctionStateSnapshot(checkpointId, timestamp));
    return Map.of();
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    FunctionLifecycle.notifyCheckpointComplete(function, checkpointId);
  }

  @Override
  public void notifyCheckpointAborted(long checkpointId) throws Exception {
    FunctionLifecycle.notifyCheckpointAborted(function, checkpointId);
  }

  @Override
  public void close() throws Exception {
    FunctionLifecycle.close(function);
  }
}
