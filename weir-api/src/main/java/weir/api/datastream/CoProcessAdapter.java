package weir.api.datastream;

import weir.api.functions.CoProcessFunction;
import weir.api.functions.Function;
import weir.api.functions.RuntimeContext;
import weir.api.graph.FunctionLifecycle;
import weir.api.state.CheckpointListener;
import weir.api.state.CheckpointedFunction;
import weir.api.state.FunctionInitializationContext;
import weir.api.state.FunctionSnapshotContext;

/**
 * A co-process function that runs a user function of another kind: the lifecycle and state
 * calls go on to that function, which sees them as if it ran on its own.
 */
abstract class CoProcessAdapter<A, B, R, F extends Function> extends CoProcessFunction<A, B, R>
    implements CheckpointedFunction, CheckpointListener {
  private static final long serialVersionUID = 1L;

  protected final F function;

  CoProcessAdapter(F function) {
    this.function = function;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    FunctionLifecycle.initializeState(function, context);
  }

  @Override
  public void open(RuntimeContext context) throws Exception {
    super.open(context);
    FunctionLifecycle.open(function, context);
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    FunctionLifecycle.snapshotState(function, context);
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
