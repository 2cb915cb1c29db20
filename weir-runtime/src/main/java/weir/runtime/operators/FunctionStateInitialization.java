package weir.runtime.operators;

import java.util.OptionalLong;
import weir.api.functions.RuntimeContext;
import weir.api.state.FunctionInitializationContext;
import weir.api.state.KeyedStateStore;
import weir.runtime.state.OperatorStateBackend;

/**
 * What a checkpointed function's {@code initializeState} gets: the operator's state backend, and
 * the runtime context, also as keyed state store (which refuses keyed state when not keyed).
 */
record FunctionStateInitialization(OperatorStateBackend getOperatorStateStore, RuntimeContext getRuntimeContext)
    implements FunctionInitializationContext {
  @Override
  public KeyedStateStore getKeyedStateStore() {
    return getRuntimeContext;
  }

  @Override
  public boolean isRestored() {
    return getOperatorStateStore.restoredCheckpointId().isPresent();
  }

  @Override
  public OptionalLong getRestoredCheckpointId() {
    return getOperatorStateStore.restoredCheckpointId();
  }
}
