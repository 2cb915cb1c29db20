package weir.tests.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.checkpoint.RestartStrategy;
import weir.api.connector.source.lib.NumberSequenceSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobExecutionException;
import weir.api.environment.JobExecutionResult;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.MapFunction;
import weir.api.functions.RuntimeContext;
import weir.api.functions.AbstractRichFunction;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.tuple.Tuple3;

/**
 * A keyed running sum survives injected failures with exactly the result of a run without them:
 * the job restarts from its latest checkpoint, the source rewinds to the position in it, and
 * keyed state and timers come back as they were.
 *
 * <h3>Design of this test</h3>
 * The sums are emitted once, by event-time timers that only the end of input fires, so the
 * output does not depend on what a failed attempt emitted. A map before the keyed operator
 * fails in the first attempts after a number of records; checkpoints run every few
 * milliseconds, and the map slows the first attempts down so that several complete before the
 * failure. A counter of the records the map saw shows that the restarts resumed from
 * checkpoints rather than from the beginning.
 */
class CheckpointRecoveryIT {
  private static final long RECORDS = 200_000;
  private static final int KEYS = 97;

  /** Fails attempts below {@code failingAttempts} after {@code failAfter} records of this subtask. */
  static final class FailingMap extends AbstractRichFunction implements MapFunction<Long, Long> {
    private final int failingAttempts;
    private final long failAfter;
    private transient boolean failing;
    private transient long seen;
    private transient weir.api.metrics.Counter mapped;

    FailingMap(int failingAttempts, long failAfter) {
      this.failingAttempts = failingAttempts;
      this.failAfter = failAfter;
    }

    @Override
    public void open(RuntimeContext ctx) {
      failing = ctx.getAttemptNumber() < failingAttempts;
      mapped = ctx.getCounter("map-records");
    }

    @Override
    public Long map(Long value) throws Exception {
      mapped.inc();
      if (failing) {
        if (++seen % 500 == 0) {
          Thread.sleep(1); // let checkpoints complete before the failure
        }
        if (seen == failAfter) {
          throw new IllegalStateException("injected failure after " + failAfter + " records");
        }
      }
      return value;
    }
  }

  /** Sums values per key, emitting (key, sum, count) once, when the input has ended. */
  static final class SumAtEnd extends KeyedProcessFunction<Long, Long, Tuple3<Long, Long, Long>> {
    private transient ValueState<Long> sum;
    private transient ValueState<Long> count;
    private transient weir.api.metrics.Counter seen;

    @Override
    public void open(RuntimeContext ctx) {
      sum = ctx.getState(new ValueStateDescriptor<>("sum", Long.class));
      count = ctx.getState(new ValueStateDescriptor<>("count", Long.class));
      seen = ctx.getCounter("sum-records");
    }

    @Override
    public void processElement(Long value, Context<Long> ctx, Collector<Tuple3<Long, Long, Long>> out)
        throws Exception {
      seen.inc();
      Long s = sum.value();
      if (s == null) {
        s = 0L;
        count.update(0L);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
      }
      sum.update(s + value);
      count.update(count.value() + 1);
    }

    @Override
    public void onTimer(long time, OnTimerContext<Long> ctx, Collector<Tuple3<Long, Long, Long>> out)
        throws Exception {
      out.collect(new Tuple3<>(ctx.getCurrentKey(), sum.value(), count.value()));
    }
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

  private static StreamExecutionEnvironment env(int parallelism, Path checkpoints) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.enableCheckpointing(Duration.ofMillis(20));
    env.getCheckpointConfig().setCheckpointDirectory(checkpoints);
    env.setRestartStrategy(RestartStrategy.fixedDelay(5, Duration.ZERO));
    return env;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  @Timeout(120)
  void when_tasks_fail_repeatedly_then_the_restored_job_sums_exactly_as_without_failures(int parallelism,
      @TempDir Path dir) throws Exception {
    StreamExecutionEnvironment env = env(parallelism, dir);
    var sums = env.fromSource(new NumberSequenceSource(1, RECORDS),
            WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v), "numbers")
        .map(new FailingMap(3, RECORDS / parallelism / 2))
        .keyBy(v -> v % KEYS)
        .process(new SumAtEnd());
    List<Tuple3<Long, Long, Long>> result = new ArrayList<>();
    try (var it = sums.executeAndCollect()) {
      it.forEachRemaining(result::add);
    }
    assertThat(result).containsExactlyInAnyOrderElementsOf(expected());
  }

  @Test
  @Timeout(120)
  void when_a_restart_resumes_from_a_checkpoint_then_fewer_records_are_processed_again_than_a_full_rerun(
      @TempDir Path dir) throws Exception {
    StreamExecutionEnvironment env = env(1, dir);
    List<Tuple3<Long, Long, Long>> result = new ArrayList<>();
    env.fromSource(new NumberSequenceSource(1, RECORDS),
            WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v), "numbers")
        .map(new FailingMap(1, RECORDS * 3 / 4))
        .keyBy(v -> v % KEYS)
        .process(new SumAtEnd())
        .sinkTo(new weir.api.connector.sink.lib.DiscardingSink<>());
    JobExecutionResult r = env.execute("recovery");
    // The source replays from the last checkpoint before the failure, so the map sees the
    // records after it twice; a rerun from the start would map RECORDS * 7/4, a resume clearly less.
    assertThat(r.getCounter("map-records")).isGreaterThan(RECORDS).isLessThan(RECORDS * 3 / 2);
    // Downstream may have seen none of the replayed records: those mapped after the checkpoint
    // can still have been in an output buffer when the map failed.
    assertThat(r.getCounter("sum-records")).isBetween(RECORDS, RECORDS * 3 / 2 - 1);
    try (Stream<Path> files = Files.list(dir.resolve(r.jobId()))) {
      assertThat(files.map(p -> p.getFileName().toString())).hasSize(1).allMatch(n -> n.startsWith("chk-"));
    }
  }

  @Test
  @Timeout(60)
  void when_restarts_are_exhausted_then_the_job_fails_with_the_injected_cause(@TempDir Path dir) {
    StreamExecutionEnvironment env = env(1, dir);
    env.setRestartStrategy(RestartStrategy.fixedDelay(1, Duration.ZERO));
    env.fromSource(new NumberSequenceSource(1, RECORDS), WatermarkStrategy.noWatermarks(), "numbers")
        .map(new FailingMap(5, 1000))
        .sinkTo(new weir.api.connector.sink.lib.DiscardingSink<>());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> env.execute("exhausted"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("injected failure after 1000 records");
  }
}
