package weir.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import weir.runtime.checkpoint.OperatorSnapshot;
import weir.runtime.checkpoint.TaskSnapshot;

/**
 * The state of a harness's operator at a checkpoint, taken with {@link
 * OperatorHarness#snapshot(long)}: its keyed state and timers, its operator state (list, union
 * list and broadcast states) and what the operator keeps itself, in the bytes a checkpoint
 * stores. A new harness starts from snapshots with {@link SubtaskSettings#restoredFrom}, also at
 * another parallelism, where the runtime's redistribution deals them out as on a job restore.
 *
 * @since 0.1
 */
public final class HarnessSnapshot {
  private final SubtaskSettings subtask;
  private final long checkpointId;
  private final byte[] bytes;

  HarnessSnapshot(SubtaskSettings subtask, long checkpointId, OperatorSnapshot snapshot) {
    this.subtask = subtask;
    this.checkpointId = checkpointId;
    try {
      this.bytes = new TaskSnapshot(false, List.of(snapshot)).toBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the snapshot of " + subtask, e);
    }
  }

  /** The subtask the snapshot was taken on (without what it was itself restored from). */
  public SubtaskSettings subtask() {
    return subtask;
  }

  /** The id of the checkpoint the snapshot was taken for. */
  public long checkpointId() {
    return checkpointId;
  }

  /** The operator's state, read back from the stored bytes. */
  OperatorSnapshot operatorSnapshot() {
    try {
      return TaskSnapshot.fromBytes(bytes).operators().get(0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the snapshot of " + subtask, e);
    }
  }

  @Override
  public String toString() {
    return "snapshot " + checkpointId + " of " + subtask;
  }
}
