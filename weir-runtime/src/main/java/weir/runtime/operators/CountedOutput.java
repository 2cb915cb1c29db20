package weir.runtime.operators;

/**
 * An output at the end of one edge that counts the records it passed on, for the per-operator
 * records in and out that monitoring reports.
 */
public interface CountedOutput {
  /**
   * The records passed on so far. Written by the subtask's thread as a plain field, read by
   * monitoring from another: a read may lag the task by the records of a batch.
   */
  long records();
}
