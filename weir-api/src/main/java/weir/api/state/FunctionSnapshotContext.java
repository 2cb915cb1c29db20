package weir.api.state;

import weir.api.annotation.Public;

/**
 * Which checkpoint {@link CheckpointedFunction#snapshotState} is called for.
 *
 * @since 0.1
 */
@Public
public interface FunctionSnapshotContext {
  /** The checkpoint's id; ids grow with every checkpoint of a job, also across restarts. */
  long getCheckpointId();

  /** When the checkpoint was triggered, in milliseconds since the epoch. */
  long getCheckpointTimestamp();
}
