package weir.testing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import weir.api.environment.ExecutionConfig;

/**
 * Which subtask a harness plays: its index, the operator's parallelism and the max parallelism
 * (the number of key groups), and the snapshots it starts from, if any. A keyed harness owns the
 * key groups this subtask would own in a real job, so feeding it a key another subtask owns
 * fails just as the runtime would.
 *
 * <pre>{@code
 * var harness = FunctionTestHarness.forKeyedProcess(fn, Order::customer,
 *     SubtaskSettings.of(1, 4).withMaxParallelism(16));
 * }</pre>
 *
 * <h3>Restoring</h3>
 * {@link #restoredFrom} makes the harness start from snapshots that other harnesses took with
 * {@link OperatorHarness#snapshot(long)}, as a job restarts from a checkpoint: pass the
 * snapshots of all subtasks of the old parallelism, and the state is dealt out as on a restore
 * at this subtask's parallelism (key groups by range, list state split round robin, union list
 * state whole, a copy of the broadcast state). The function's {@code initializeState} then sees
 * {@code isRestored()} true.
 *
 * <pre>{@code
 * HarnessSnapshot a = harness0.snapshot(1);
 * HarnessSnapshot b = harness1.snapshot(1);
 * var rescaled = FunctionTestHarness.forMap(new BufferingMap(), SubtaskSettings.of(2, 3).restoredFrom(a, b));
 * }</pre>
 *
 * @param subtaskIndex the subtask's index, from 0 to {@code parallelism - 1}
 * @param parallelism the number of parallel subtasks of the operator
 * @param maxParallelism the number of key groups, at least {@code parallelism}
 * @param restoredFrom the snapshots the harness starts from; empty for a fresh start
 * @since 0.1
 */
public record SubtaskSettings(int subtaskIndex, int parallelism, int maxParallelism, List<HarnessSnapshot> restoredFrom) {
  /** Validates the settings. */
  public SubtaskSettings {
    if (parallelism < 1 || parallelism > maxParallelism) {
      throw new IllegalArgumentException(
          "parallelism must be between 1 and maxParallelism=" + maxParallelism + ", but was " + parallelism);
    }
    if (maxParallelism > ExecutionConfig.UPPER_BOUND_MAX_PARALLELISM) {
      throw new IllegalArgumentException("maxParallelism must be at most "
          + ExecutionConfig.UPPER_BOUND_MAX_PARALLELISM + ", but was " + maxParallelism);
    }
    if (subtaskIndex < 0 || subtaskIndex >= parallelism) {
      throw new IllegalArgumentException(
          "subtaskIndex must be between 0 and " + (parallelism - 1) + ", but was " + subtaskIndex);
    }
    restoredFrom = List.copyOf(restoredFrom);
    Set<Integer> indexes = new HashSet<>();
    for (HarnessSnapshot s : restoredFrom) {
      SubtaskSettings old = s.subtask();
      if (old.parallelism() != restoredFrom.get(0).subtask().parallelism()
          || s.checkpointId() != restoredFrom.get(0).checkpointId()) {
        throw new IllegalArgumentException("The snapshots to restore from must come from one checkpoint of one"
            + " parallelism, but got " + restoredFrom);
      }
      if (old.maxParallelism() != maxParallelism) {
        throw new IllegalArgumentException("The " + s + " has max parallelism " + old.maxParallelism()
            + ", but this subtask has " + maxParallelism + "; keyed state restores only at the same max parallelism");
      }
      if (!indexes.add(old.subtaskIndex())) {
        throw new IllegalArgumentException("Two snapshots to restore from come from subtask " + old.subtaskIndex()
            + ": " + restoredFrom);
      }
    }
  }

  /** The only subtask of an operator with parallelism 1 and the default max parallelism. */
  public static SubtaskSettings single() {
    return of(0, 1);
  }

  /** Subtask {@code subtaskIndex} of {@code parallelism}, with the default max parallelism. */
  public static SubtaskSettings of(int subtaskIndex, int parallelism) {
    return new SubtaskSettings(subtaskIndex, parallelism, ExecutionConfig.DEFAULT_MAX_PARALLELISM, List.of());
  }

  /** These settings with another max parallelism. */
  public SubtaskSettings withMaxParallelism(int maxParallelism) {
    return new SubtaskSettings(subtaskIndex, parallelism, maxParallelism, restoredFrom);
  }

  /** These settings, starting from {@code snapshots} (see the class description). */
  public SubtaskSettings restoredFrom(HarnessSnapshot... snapshots) {
    return new SubtaskSettings(subtaskIndex, parallelism, maxParallelism, List.of(snapshots));
  }

  /** These settings without snapshots to restore from: the subtask a snapshot was taken on. */
  SubtaskSettings fresh() {
    return new SubtaskSettings(subtaskIndex, parallelism, maxParallelism, List.of());
  }

  @Override
  public String toString() {
    return "subtask " + subtaskIndex + " of " + parallelism + " (max parallelism " + maxParallelism + ")"
        + (restoredFrom.isEmpty() ? "" : " restored from " + restoredFrom.size() + " snapshot(s)");
  }
}
