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
}
