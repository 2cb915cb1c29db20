package weir.testing;

import weir.api.environment.ExecutionConfig;

/**
 * Which subtask a harness plays: its index, the operator's parallelism and the max parallelism
 * (the number of key groups). A keyed harness owns the key groups this subtask would own in a
 * real job, so feeding it a key another subtask owns fails just as the runtime would.
 *
 * <pre>{@code
 * var harness = FunctionTestHarness.forKeyedProcess(fn, Order::customer,
 *     SubtaskSettings.of(1, 4).withMaxParallelism(16));
 * }</pre>
 *
 * @param subtaskIndex the subtask's index, from 0 to {@code parallelism - 1}
 * @param parallelism the number of parallel subtasks of the operator
 * @param maxParallelism the number of key groups, at least {@code parallelism}
 * @since 0.1
 */
public record SubtaskSettings(int subtaskIndex, int parallelism, int maxParallelism) {
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
  }

  /** The only subtask of an operator with parallelism 1 and the default max parallelism. */
  public static SubtaskSettings single() {
    return of(0, 1);
  }

  /** Subtask {@code subtaskIndex} of {@code parallelism}, with the default max parallelism. */
  public static SubtaskSettings of(int subtaskIndex, int parallelism) {
    return new SubtaskSettings(subtaskIndex, parallelism, ExecutionConfig.DEFAULT_MAX_PARALLELISM);
  }

  /** These settings with another max parallelism. */
  public SubtaskSettings withMaxParallelism(int maxParallelism) {
    return new SubtaskSettings(subtaskIndex, parallelism, maxParallelism);
  }

  @Override
  public String toString() {
    return "subtask " + subtaskIndex + " of " + parallelism + " (max parallelism " + maxParallelism + ")";
  }
}
