package weir.api.graph;

import weir.api.annotation.Internal;
import weir.api.functions.Function;
import weir.api.functions.RichFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.CheckpointListener;
import weir.api.state.CheckpointedFunction;
import weir.api.state.FunctionInitializationContext;
import weir.api.state.FunctionSnapshotContext;

/**
 * Lifecycle calls on user functions: open and close, which only rich functions receive, the
 * state calls, which only checkpointed functions receive, and checkpoint notifications, which
 * only checkpoint listeners receive.
 */
@Internal
public final class FunctionLifecycle {
  private FunctionLifecycle() {}

  /** Opens {@code function} if it is a rich function. */
  public static void open(Function function, RuntimeContext context) throws Exception {
    if (function instanceof RichFunction rich) {
      rich.open(context);
    }
  }

  /** Initializes the state of {@code function} if it is a checkpointed function. */
  public static void initializeState(Function function, FunctionInitializationContext context) throws Exception {
    if (function instanceof CheckpointedFunction checkpointed) {
      checkpointed.initializeState(context);
    }
  }

  /** Lets {@code function} bring its state up to date for a checkpoint, if it is a checkpointed function. */
  public static void snapshotState(Function function, FunctionSnapshotContext context) throws Exception {
    if (function instanceof CheckpointedFunction checkpointed) {
      checkpointed.snapshotState(context);
    }
  }

  /** Tells {@code function} that a checkpoint completed, if it is a checkpoint listener. */
  public static void notifyCheckpointComplete(Function function, long checkpointId) throws Exception {
    if (function instanceof CheckpointListener listener) {
      listener.notifyCheckpointComplete(checkpointId);
    }
  }

  /** Tells {@code function} that a checkpoint was given up, if it is a checkpoint listener. */
  public static void notifyCheckpointAborted(Function function, long checkpointId) throws Exception {
    if (function instanceof CheckpointListener listener) {
      listener.notifyCheckpointAborted(checkpointId);
    }
  }

  /** Closes {@code function} if it is a rich function. */
  public static void close(Function function) throws Exception {
    if (function instanceof RichFunction rich) {
      rich.close();
    }
  }
}
