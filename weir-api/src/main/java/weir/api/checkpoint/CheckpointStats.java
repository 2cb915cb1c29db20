package weir.api.checkpoint;

import java.util.Map;
import weir.api.annotation.Public;

/**
 * Figures of one completed checkpoint, from {@code JobClient.getCheckpointStats()}.
 *
 * @param id the checkpoint's id
 * @param durationMillis from the trigger to the metadata written
 * @param sizeBytes the size of the state written, over all subtasks
 * @param subtasks per subtask, keyed {@code "<vertex id>/<subtask index>"}, in acknowledgement order
 * @since 0.1
 */
@Public
public record CheckpointStats(long id, long durationMillis, long sizeBytes, Map<String, Subtask> subtasks) {
  /**
   * One subtask's part of a checkpoint.
   *
   * @param alignmentNanos from the first barrier reaching the subtask until all its inputs had
   *     delivered it (aligned) or it took the snapshot (unaligned); zero for a source
   * @param syncNanos how long the subtask stopped processing records for its snapshot: the
   *     synchronous part, on its own thread
   * @param asyncNanos the asynchronous part, off the subtask's thread: serializing its state and
   *     writing it to the checkpoint storage
   * @param sizeBytes the size of its state
   */
  public record Subtask(long alignmentNanos, long syncNanos, long asyncNanos, long sizeBytes) {}

  /** The longest synchronous part over the subtasks, in nanoseconds. */
  public long maxSyncNanos() {
    return subtasks.values().stream().mapToLong(Subtask::syncNanos).max().orElse(0);
  }

  /** The longest alignment over the subtasks, in nanoseconds. */
  public long maxAlignmentNanos() {
    return subtasks.values().stream().mapToLong(Subtask::alignmentNanos).max().orElse(0);
  }

  /** The longest asynchronous part over the subtasks, in nanoseconds. */
  public long maxAsyncNanos() {
    return subtasks.values().stream().mapToLong(Subtask::asyncNanos).max().orElse(0);
  }
}
