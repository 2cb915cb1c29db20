package weir.runtime.task;

/** Where a task's records come from: a source reader, or the channels of its input gates. */
interface TaskInput {
  /** Hands up to {@code budget} records to the head operator; stops early when backpressured. */
  ProgressState process(int budget, StreamTask task) throws Exception;

  /** Releases the input's resources. */
  void close() throws Exception;
}
