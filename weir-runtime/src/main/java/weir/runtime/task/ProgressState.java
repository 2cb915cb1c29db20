package weir.runtime.task;

/** What one call of a tasklet achieved. */
public enum ProgressState {
  /** It did work; call again soon. */
  MADE_PROGRESS,
  /** Nothing to do now (no input, or backpressured); the worker may idle. */
  NO_PROGRESS,
  /** It has finished; do not call again. */
  DONE
}
