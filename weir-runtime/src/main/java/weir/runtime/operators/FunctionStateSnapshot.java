package weir.runtime.operators;

import weir.api.state.FunctionSnapshotContext;

/** What a checkpointed function's {@code snapshotState} gets. */
record FunctionStateSnapshot(long getCheckpointId, long getCheckpointTimestamp) implements FunctionSnapshotContext {}
