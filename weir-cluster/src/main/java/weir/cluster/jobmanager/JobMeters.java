package weir.cluster.jobmanager;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import weir.api.checkpoint.CheckpointStats;
import weir.api.environment.JobStatus;

/**
 * The JobManager's per-job Prometheus gauges, refreshed from the jobs' state: status, restarts,
 * completed checkpoints and the duration, size and longest alignment of the latest.
 */
final class JobMeters {
  private final Supplier<List<ClusterJob>> jobs;
  private final MultiGauge running;
  private final MultiGauge restarts;
  private final MultiGauge checkpoints;
  private final MultiGauge duration;
  private final MultiGauge size;
  private final MultiGauge alignment;

  JobMeters(Supplier<List<ClusterJob>> jobs, MeterRegistry meters) {
    this.jobs = jobs;
    this.running = MultiGauge.builder("weir.job.running").description("1 while the job runs, 0 otherwise")
        .register(meters);
    this.restarts = MultiGauge.builder("weir.job.restarts").description("restarts of the job after failures, "
        + "rescales and restarts on request").register(meters);
    this.checkpoints = MultiGauge.builder("weir.job.checkpoints.completed")
        .description("checkpoints of the job completed since it started").register(meters);
    this.duration = MultiGauge.builder("weir.job.checkpoint.duration").baseUnit("seconds")
        .description("how long the latest completed checkpoint took").register(meters);
    this.size = MultiGauge.builder("weir.job.checkpoint.size").baseUnit("bytes")
        .description("the state size of the latest completed checkpoint").register(meters);
    this.alignment = MultiGauge.builder("weir.job.checkpoint.alignment").baseUnit("seconds")
        .description("the longest barrier alignment of a subtask in the latest completed checkpoint").register(meters);
  }

  /** Refreshes every gauge; called periodically from one thread. */
  void update() {
    List<MultiGauge.Row<?>> run = new ArrayList<>();
    List<MultiGauge.Row<?>> restart = new ArrayList<>();
    List<MultiGauge.Row<?>> completed = new ArrayList<>();
    List<MultiGauge.Row<?>> durations = new ArrayList<>();
    List<MultiGauge.Row<?>> sizes = new ArrayList<>();
    List<MultiGauge.Row<?>> alignments = new ArrayList<>();
    for (ClusterJob job : jobs.get()) {
      Tags tags = Tags.of("job", job.id(), "name", job.name());
      JobStatus status = job.status();
      run.add(MultiGauge.Row.of(tags, status == JobStatus.RUNNING ? 1 : 0));
      restart.add(MultiGauge.Row.of(tags, job.transitions().stream().filter(t -> t.to() == JobStatus.RESTARTING).count()));
      List<CheckpointStats> stats = job.checkpointStats();
      completed.add(MultiGauge.Row.of(tags, stats.size()));
      if (!stats.isEmpty()) {
        CheckpointStats last = stats.get(stats.size() - 1);
        durations.add(MultiGauge.Row.of(tags, last.durationMillis() / 1e3));
        sizes.add(MultiGauge.Row.of(tags, last.sizeBytes()));
        alignments.add(MultiGauge.Row.of(tags, last.maxAlignmentNanos() / 1e9));
      }
    }
    running.register(run, true);
    restarts.register(restart, true);
    checkpoints.register(completed, true);
    duration.register(durations, true);
    size.register(sizes, true);
    alignment.register(alignments, true);
  }
}
