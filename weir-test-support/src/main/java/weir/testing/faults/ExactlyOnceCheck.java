package weir.testing.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import weir.api.checkpoint.CheckpointConfig;
import weir.api.checkpoint.RestartStrategy;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobExecutionResult;

/**
 * Checks that a job is exactly-once under failures: it runs the job once without failures and
 * then once per seed with failures injected, each time with checkpoints on and an {@link
 * ExactlyOnceSink} on the job's result, and asserts that every faulty run committed exactly the
 * same records (as a multiset) as the fault-free one, and that the failures did happen.
 *
 * <p>The job's output must be a function of its input alone. At parallelism above one, records
 * from different upstream subtasks reach a keyed operator in an order that varies from run to
 * run, so a rolling sum of the values themselves is not such a function; a running count per
 * key is (its outputs are 1..n for every key, whatever the order):
 *
 * <pre>{@code
 * ExactlyOnceCheck.forJob((env, faults) -> env
 *         .fromSource(new NumberSequenceSource(1, 100_000), WatermarkStrategy.noWatermarks(), "numbers")
 *         .map(faults.injector())
 *         .map(v -> Tuple2.of(v % 10, 1L))
 *         .keyBy(t -> t.f0)
 *         .sum(1))
 *     .parallelism(2)
 *     .seeds(1, 2, 3)
 *     .failuresPerRun(5)
 *     .verify();
 * }</pre>
 *
 * @param <T> the type of the job's result
 * @since 0.1
 */
public final class ExactlyOnceCheck<T> {
  /** Builds the job under test; put {@code faults.injector()} where failures should happen. */
  @FunctionalInterface
  public interface JobUnderTest<T> {
    DataStream<T> build(StreamExecutionEnvironment env, Faults faults);
  }

  /** Where a job under test gets its failure injectors from. */
  public static final class Faults {
    private final long seed;
    private final int failures;
    private final long maxRecordsBetween;
    private final Set<FailureInjector.Point> points;

    Faults(long seed, int failures, long maxRecordsBetween, Set<FailureInjector.Point> points) {
      this.seed = seed;
      this.failures = failures;
      this.maxRecordsBetween = maxRecordsBetween;
      this.points = points;
    }

    /** An identity map that injects this run's failures (none in the fault-free run). */
    public <X> FailureInjector<X> injector() {
      return new FailureInjector<>(seed, failures, maxRecordsBetween, points);
    }
  }

  private final JobUnderTest<T> job;
  private int parallelism = 2;
  private long[] seeds = {1, 2, 3};
  private int failures = 5;
  private long maxRecordsBetween = 20_000;
  private Duration checkpointInterval = Duration.ofMillis(20);
  private Consumer<CheckpointConfig> checkpointSettings = config -> {};
  private Set<FailureInjector.Point> points = EnumSet.of(FailureInjector.Point.RECORD);

  private ExactlyOnceCheck(JobUnderTest<T> job) {
    this.job = job;
  }

  /** A check of the job {@code job} builds. */
  public static <T> ExactlyOnceCheck<T> forJob(JobUnderTest<T> job) {
    return new ExactlyOnceCheck<>(job);
  }

  public ExactlyOnceCheck<T> parallelism(int parallelism) {
    this.parallelism = parallelism;
    return this;
  }

  /** The seeds of the faulty runs, one run each. */
  public ExactlyOnceCheck<T> seeds(long... seeds) {
    this.seeds = seeds.clone();
    return this;
  }

  /** How many failures each faulty run gets (each injector fails that many attempts). */
  public ExactlyOnceCheck<T> failuresPerRun(int failures) {
    this.failures = failures;
    return this;
  }

  /** The most records an injector lets through before it fails (drawn at random up to this). */
  public ExactlyOnceCheck<T> maxRecordsBetweenFailures(long records) {
    this.maxRecordsBetween = records;
    return this;
  }

  public ExactlyOnceCheck<T> checkpointInterval(Duration interval) {
    this.checkpointInterval = interval;
    return this;
  }

  /**
   * Where failures are injected: each failing attempt draws one of {@code points} (default
   * {@link FailureInjector.Point#RECORD} only). Failures at checkpoint points happen only when a
   * checkpoint comes after the drawn number of records, so plan more failures per run.
   */
  public ExactlyOnceCheck<T> failurePoints(FailureInjector.Point... points) {
    this.points = EnumSet.copyOf(List.of(points));
    return this;
  }

  /**
   * Further checkpoint settings for every run, e.g. {@code c -> c.enableUnalignedCheckpoints(true)};
   * the interval and directory are set by the check.
   */
  public ExactlyOnceCheck<T> checkpointSettings(Consumer<CheckpointConfig> settings) {
    this.checkpointSettings = settings;
    return this;
  }

  /**
   * Runs the job without and with failures; throws {@link AssertionError} on any difference.
   *
   * @return the number of failures injected over all faulty runs, for a test to check that the
   *     job was put through as many as it meant to
   */
  public long verify() throws Exception {
    Map<T, Integer> expected = counts(run(new Faults(0, 0, 1, points)).records);
    long injected = 0;
    for (long seed : seeds) {
      Outcome outcome = run(new Faults(seed, failures, maxRecordsBetween, points));
      if (outcome.injected == 0) {
        throw new AssertionError("Seed " + seed + ": no failure was injected; put faults.injector() on a path "
            + "records take, or lower maxRecordsBetweenFailures");
      }
      Map<T, Integer> actual = counts(outcome.records);
      if (!actual.equals(expected)) {
        throw new AssertionError("Seed " + seed + " (" + outcome.injected + " injected failures): the committed output "
            + "differs from the fault-free run's (" + outcome.records.size() + " records committed, "
            + expected.values().stream().mapToInt(Integer::intValue).sum() + " expected): "
            + difference(expected, actual));
      }
      injected += outcome.injected;
    }
    return injected;
  }

  private record Outcome<T>(List<T> records, long injected) {}

  private Outcome<T> run(Faults faults) throws Exception {
    Path checkpoints = Files.createTempDirectory("weir-exactly-once-check");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.enableCheckpointing(checkpointInterval);
    env.getCheckpointConfig().setCheckpointDirectory(checkpoints);
    checkpointSettings.accept(env.getCheckpointConfig());
    env.setRestartStrategy(RestartStrategy.fixedDelay(faults.failures + 1, Duration.ZERO));
    DataStream<T> result = job.build(env, faults);
    try (ExactlyOnceSink<T> sink = ExactlyOnceSink.forStream(result)) {
      result.sinkTo(sink);
      JobExecutionResult execution = env.execute("exactly-once check");
      return new Outcome<>(sink.committed(), execution.getCounter(FailureInjector.FAILURES));
    } finally {
      try (Stream<Path> files = Files.walk(checkpoints)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static <T> Map<T, Integer> counts(List<T> records) {
    Map<T, Integer> counts = new HashMap<>();
    for (T r : records) {
      counts.merge(r, 1, Integer::sum);
    }
    return counts;
  }

  private static <T> String difference(Map<T, Integer> expected, Map<T, Integer> actual) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<T, Integer> e : expected.entrySet()) {
      int got = actual.getOrDefault(e.getKey(), 0);
      if (got != e.getValue()) {
        lines.add(e.getKey() + " expected " + e.getValue() + "x, committed " + got + "x");
      }
    }
    for (Map.Entry<T, Integer> e : actual.entrySet()) {
      if (!expected.containsKey(e.getKey())) {
        lines.add(e.getKey() + " not expected, committed " + e.getValue() + "x");
      }
    }
    return lines.size() + " record(s) differ, e.g. " + lines.subList(0, Math.min(10, lines.size()));
  }
}
