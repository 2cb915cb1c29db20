package weir.tests.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import weir.api.checkpoint.SavepointRestoreSettings;
import weir.api.connector.source.lib.NumberSequenceSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobClient;
import weir.api.environment.JobStatus;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.Collector;
import weir.api.tuple.Tuple3;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.windows.TimeWindow;
import weir.tests.support.CollectingSink;
import weir.tests.support.Pace;

/**
 * Savepoints: a job stopped with a savepoint resumes from it, also with another parallelism, and
 * its result equals that of one uninterrupted run.
 *
 * <h3>Design of this test</h3>
 * The keyed sums are emitted only when the input ends, so the runs stopped with a savepoint emit
 * nothing and the last run emits everything. The first runs are slowed down, so that they are
 * stopped halfway; the last one runs at full speed to the end. The sequence source's splits and
 * the keyed state are dealt out again at each parallelism (2, then 3, then 1).
 */
class SavepointIT {
  private static final long RECORDS = 100_000;
  private static final int KEYS = 97;

  private static JobClient start(int parallelism, boolean slow, Path checkpoints,
      SavepointRestoreSettings restore, CollectingSink<Tuple3<Long, Long, Long>> sink) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.enableCheckpointing(Duration.ofMillis(50));
    env.getCheckpointConfig().setCheckpointDirectory(checkpoints);
    env.getConfig().setSavepointRestoreSettings(restore);
    env.fromSource(new NumberSequenceSource(1, RECORDS),
            WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v), "numbers")
        .uid("numbers")
        .map(new Pace(slow ? 20 : 0))
        .keyBy(v -> v % KEYS)
        .process(new CheckpointRecoveryIT.SumAtEnd())
        .uid("sums")
        .sinkTo(sink);
    return env.executeAsync("savepoints");
  }

  private static List<Tuple3<Long, Long, Long>> expected() {
    long[] sums = new long[KEYS];
    long[] counts = new long[KEYS];
    for (long v = 1; v <= RECORDS; v++) {
      sums[(int) (v % KEYS)] += v;
      counts[(int) (v % KEYS)]++;
    }
    List<Tuple3<Long, Long, Long>> result = new ArrayList<>();
    for (int k = 0; k < KEYS; k++) {
      result.add(new Tuple3<>((long) k, sums[k], counts[k]));
    }
    return result;
  }

  @Test
  @Timeout(120)
  void when_a_job_is_stopped_with_savepoints_and_rescaled_2_3_1_then_it_sums_as_one_run(@TempDir Path dir)
      throws Exception {
    Path savepoints = dir.resolve("savepoints");
    try (CollectingSink<Tuple3<Long, Long, Long>> sink = new CollectingSink<>()) {
      JobClient first = start(2, true, dir.resolve("chk"), null, sink);
      Thread.sleep(300);
      Path savepoint1 = first.stopWithSavepoint(savepoints).get(60, TimeUnit.SECONDS);
      first.await(Duration.ofSeconds(60));
      assertThat(first.getJobStatus()).isEqualTo(JobStatus.FINISHED);
      assertThat(Files.exists(savepoint1.resolve("_metadata"))).isTrue();

      JobClient second = start(3, true, dir.resolve("chk"), SavepointRestoreSettings.forPath(savepoint1, false), sink);
      Thread.sleep(300);
      Path savepoint2 = second.stopWithSavepoint(savepoints).get(60, TimeUnit.SECONDS);
      second.await(Duration.ofSeconds(60));

      JobClient last = start(1, false, dir.resolve("chk"), SavepointRestoreSettings.forPath(savepoint2, false), sink);
      long resumed = last.await(Duration.ofSeconds(60)).getCounter("sum-records");
      assertThat(sink.values()).containsExactlyInAnyOrderElementsOf(expected());
      // the last run read on from the savepoint, not from the start
      assertThat(resumed).isGreaterThan(0).isLessThan(RECORDS);
    }
  }

  @Test
  @Timeout(60)
  void when_a_savepoint_holds_state_of_an_operator_the_job_lacks_then_the_restore_is_refused(@TempDir Path dir)
      throws Exception {
    Path savepoint;
    try (CollectingSink<Tuple3<Long, Long, Long>> sink = new CollectingSink<>()) {
      JobClient job = start(1, true, dir.resolve("chk"), null, sink);
      savepoint = job.stopWithSavepoint(dir.resolve("savepoints")).get(60, TimeUnit.SECONDS);
      job.await(Duration.ofSeconds(60));
    }
    assertThatThrownBy(() -> withoutSums(dir, savepoint, false).execute("changed"))
        .hasMessageContaining("[sums]")
        .hasMessageContaining("allowNonRestoredState");
    withoutSums(dir, savepoint, true).execute("changed, dropping state");
  }

  /** The job without its keyed sums, restoring from {@code savepoint}. */
  private static StreamExecutionEnvironment withoutSums(Path dir, Path savepoint, boolean allowNonRestoredState) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    env.enableCheckpointing(Duration.ofMillis(50));
    env.getCheckpointConfig().setCheckpointDirectory(dir.resolve("chk"));
    env.getConfig().setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, allowNonRestoredState));
    env.fromSource(new NumberSequenceSource(1, 10), WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
        .sinkTo(new weir.api.connector.sink.lib.DiscardingSink<>());
    return env;
  }

  /** Counts a key's records per window, emitting (key, window end, count). */
  static final class CountWindow extends ProcessWindowFunction<Long, Tuple3<Long, Long, Long>, Long, TimeWindow> {
    @Override
    public void process(Long key, Context context, Iterable<Long> elements, Collector<Tuple3<Long, Long, Long>> out) {
      long n = 0;
      for (Long ignored : elements) {
        n++;
      }
      out.collect(new Tuple3<>(key, context.window().getEnd(), n));
    }
  }

  private static JobClient startWindows(boolean slow, Path dir, SavepointRestoreSettings restore,
      CollectingSink<Tuple3<Long, Long, Long>> sink) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    env.enableCheckpointing(Duration.ofMillis(50));
    env.getCheckpointConfig().setCheckpointDirectory(dir.resolve("chk"));
    env.getConfig().setSavepointRestoreSettings(restore);
    env.fromSource(new NumberSequenceSource(1, RECORDS),
            WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v), "numbers")
        .uid("numbers")
        .map(new Pace(slow ? 20 : 0))
        .keyBy(v -> v % KEYS)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(5_000)))
        .process(new CountWindow())
        .uid("windows")
        .sinkTo(sink);
    return env.executeAsync("drain");
  }

  @Test
  @Timeout(120)
  void when_a_job_is_stopped_with_a_drained_savepoint_then_its_windows_fire_and_the_resumed_job_reads_on(
      @TempDir Path dir) throws Exception {
    try (CollectingSink<Tuple3<Long, Long, Long>> sink = new CollectingSink<>()) {
      JobClient first = startWindows(true, dir, null, sink);
      Thread.sleep(300);
      Path savepoint = first.stopWithSavepoint(dir.resolve("savepoints"), true).get(60, TimeUnit.SECONDS);
      first.await(Duration.ofSeconds(60));
      assertThat(first.getJobStatus()).isEqualTo(JobStatus.FINISHED);
      long drained = sink.values().stream().mapToLong(Tuple3::f2).sum();
      // the windows of what was read fired on the drain: also the last, unfinished ones
      assertThat(drained).isGreaterThan(0).isLessThan(RECORDS);

      JobClient resumed = startWindows(false, dir, SavepointRestoreSettings.forPath(savepoint, false), sink);
      resumed.await(Duration.ofSeconds(60));
      // every record counted once: in a window of the drained run or of the resumed one
      assertThat(sink.values().stream().mapToLong(Tuple3::f2).sum()).isEqualTo(RECORDS);
    }
  }
}
