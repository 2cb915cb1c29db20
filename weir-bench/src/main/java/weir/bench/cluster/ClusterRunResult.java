package weir.bench.cluster;

/**
 * What one run of the cluster benchmark measured.
 *
 * @param records source records
 * @param probes the subtasks' first-record and end times and the sink count
 * @param submittedEpochNanos just before the job was handed to the cluster
 * @param networkBytes payload bytes that crossed between TaskManagers, or -1 when not measured
 * @param jobSeconds the engine's own span of the job, from RUNNING to FINISHED (Weir's JobManager),
 *     or NaN when not reported
 */
record ClusterRunResult(long records, ClusterProbes.Measured probes, long submittedEpochNanos, long networkBytes,
    double jobSeconds) {

  double seconds() {
    return probes.seconds();
  }

  double recordsPerSec() {
    return records / seconds();
  }

  double startupMs() {
    return (probes.firstEpochNanos() - submittedEpochNanos) / 1e6;
  }

  /** Network bytes per source record, or -1 when not measured. */
  double bytesPerRecord() {
    return networkBytes < 0 ? -1 : (double) networkBytes / records;
  }
}
