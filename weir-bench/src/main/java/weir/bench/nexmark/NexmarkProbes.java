package weir.bench.nexmark;

import org.HdrHistogram.Histogram;
import weir.bench.source.ReaderClock;

/**
 * Where the sink subtasks of a Nexmark benchmark run leave what they measured for the runner.
 * Statics work because each engine runs the job's tasks inside the runner's JVM, one job per JVM;
 * {@link #reset} clears them before a job starts.
 */
final class NexmarkProbes {
  private static long endNanos;
  private static long endCpuNanos;
  private static long rows;
  private static long digest;
  private static int subtasks;
  private static Histogram latencies;

  private NexmarkProbes() {}

  static synchronized void reset() {
    ReaderClock.reset();
    endNanos = 0;
    endCpuNanos = 0;
    rows = 0;
    digest = 0;
    subtasks = 0;
    latencies = null;
  }

  /** Called once per sink subtask when its input has ended: stamps the time and adds its digest. */
  static void publish(ResultDigest sink) {
    publish(sink, System.nanoTime(), ReaderClock.processCpuNanos());
  }

  /**
   * Adds the digest of rows that were complete at {@code nanos}, when the process had used
   * {@code cpuNanos} of CPU time: for a query whose rows are files, read back after the job.
   */
  static synchronized void publish(ResultDigest sink, long nanos, long cpuNanos) {
    endNanos = Math.max(endNanos, nanos);
    endCpuNanos = Math.max(endCpuNanos, cpuNanos);
    rows += sink.rows;
    digest += sink.digest();
    subtasks++;
    if (sink.latencies() != null) {
      if (latencies == null) {
        latencies = new Histogram(3);
      }
      latencies.add(sink.latencies());
    }
  }

  static synchronized long endNanos() {
    return endNanos;
  }

  static synchronized long endCpuNanos() {
    return endCpuNanos;
  }

  static synchronized long rows() {
    return rows;
  }

  static synchronized long digest() {
    return digest;
  }

  static synchronized int subtasks() {
    return subtasks;
  }

  /** The latencies of all sink subtasks in microseconds, or {@code null} when not in latency mode. */
  static synchronized Histogram latencies() {
    return latencies;
  }
}
