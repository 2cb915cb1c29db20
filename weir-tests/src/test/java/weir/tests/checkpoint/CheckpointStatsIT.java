package weir.tests.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import weir.api.checkpoint.CheckpointStats;
import weir.api.connector.source.lib.NumberSequenceSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobClient;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.tuple.Tuple2;
import weir.tests.support.CollectingSink;
import weir.tests.support.Pace;

/**
 * The job handle reports each completed checkpoint with its figures per subtask: alignment,
 * the synchronous part on the subtask's thread and the asynchronous part that writes the state.
 *
 * <h3>Design of this test</h3>
 * A paced source feeds a keyed running sum with many keys at parallelism 2, so the keyed
 * subtasks hold state to write and align barriers from two channels. Checkpoints are triggered
 * through the handle while the job runs; their figures must add up and be plausible. No timing
 * bound is asserted beyond "measured" (non-negative, and positive where work was done).
 */
class CheckpointStatsIT {
  private static final long RECORDS = 200_000;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void when_checkpoints_complete_then_the_job_handle_reports_their_figures_per_subtask(@TempDir Path dir)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    env.enableCheckpointing(Duration.ofHours(1)); // only those triggered below
    env.getCheckpointConfig().setCheckpointDirectory(dir);
    CollectingSink<Tuple2<Long, Long>> sink = new CollectingSink<>();
    env.fromSource(new NumberSequenceSource(1, RECORDS), WatermarkStrategy.noWatermarks(), "numbers")
        .map(new Pace(50))
        .map(v -> new Tuple2<>(v % 10_000, v))
        .keyBy(t -> t.f0())
        .reduce((a, b) -> new Tuple2<>(a.f0(), a.f1() + b.f1()))
        .sinkTo(sink);
    JobClient job = env.executeAsync("stats");
    assertThat(job.getCheckpointStats()).isEmpty();
    for (int i = 0; i < 3; i++) {
      job.triggerCheckpoint().get(30, TimeUnit.SECONDS);
    }
    List<CheckpointStats> stats = job.getCheckpointStats();
    job.cancel();

    assertThat(stats).hasSize(3);
    assertThat(stats).extracting(CheckpointStats::id).isSorted().doesNotHaveDuplicates();
    for (CheckpointStats s : stats) {
      // two vertices (source and maps; keyed sum and sink) of two subtasks each
      assertThat(s.subtasks()).hasSize(4);
      assertThat(s.subtasks().values().stream().mapToLong(CheckpointStats.Subtask::sizeBytes).sum())
          .isEqualTo(s.sizeBytes());
      assertThat(s.durationMillis()).isGreaterThanOrEqualTo(0);
      for (CheckpointStats.Subtask t : s.subtasks().values()) {
        assertThat(t.alignmentNanos()).isGreaterThanOrEqualTo(0);
        assertThat(t.syncNanos()).isPositive();
        assertThat(t.asyncNanos()).isPositive();
        assertThat(t.sizeBytes()).isPositive();
      }
      assertThat(s.maxSyncNanos()).isPositive();
      assertThat(s.maxAsyncNanos()).isPositive();
    }
    // the keyed subtasks align barriers from both source subtasks
    assertThat(stats.stream().mapToLong(CheckpointStats::maxAlignmentNanos).max().orElse(0)).isPositive();
  }
}
