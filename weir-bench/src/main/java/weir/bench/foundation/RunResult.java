package weir.bench.foundation;

/**
 * The raw measurements of one benchmark run. All times are {@link System#nanoTime()} values
 * taken in the JVM that runs the job.
 *
 * @param records source records the job was asked to process (n)
 * @param firstRecordNanos when the first operator after the source saw its first record (the
 *     earliest over all subtasks)
 * @param endNanos when the last record reached the sink: the latest end-of-input signal over all
 *     sink subtasks, taken after that subtask has received all its records
 * @param executeCalledNanos just before the engine was asked to run the job (Flink:
 *     {@code env.execute()}); start-up is {@code firstRecordNanos - executeCalledNanos}
 * @param sinkCount records received by the sink, summed over its subtasks
 */
public record RunResult(
    long records, long firstRecordNanos, long endNanos, long executeCalledNanos, long sinkCount) {

  /**
   * The result of a run whose probes were shared variables, checking that they fired (they read 0
   * if not).
   */
  public static RunResult ofProbes(
      long records, long firstRecordNanos, long endNanos, long executeCalledNanos, long sinkCount) {
    if (firstRecordNanos == 0 || endNanos == 0) {
      throw new IllegalStateException(
          "timing probes did not fire (first=" + firstRecordNanos + ", end=" + endNanos + "); were"
              + " the tasks run in another JVM or class loader?");
    }
    return new RunResult(records, firstRecordNanos, endNanos, executeCalledNanos, sinkCount);
  }

  /** Seconds from the first record to the last record at the sink. */
  public double seconds() {
    return (endNanos - firstRecordNanos) / 1e9;
  }

  /** Source records per second over {@link #seconds()}. */
  public double recordsPerSec() {
    return records / seconds();
  }

  /** Milliseconds from asking the engine to run the job until the first record. */
  public double startupMs() {
    return (firstRecordNanos - executeCalledNanos) / 1e6;
  }

  /**
   * Whether this is a possible outcome of a run over {@code expectedRecords} records: the count
   * matches and the probes fired in order (a probe that never fired reads 0).
   */
  public boolean consistentWith(long expectedRecords) {
    return records == expectedRecords
        && firstRecordNanos >= executeCalledNanos
        && endNanos > firstRecordNanos;
  }
}
