package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.AggregateFunction;
import weir.tests.support.CollectingSink;

/**
 * Keyed running aggregations: each emits per record the aggregate of its key so far, so the
 * largest count seen per key is the key's final aggregate, whatever the parallelism.
 */
class KeyedAggregationIT {
  private static final int RECORDS = 5_000;
  private static final int KEYS = 37;

  public record Reading(int sensor, long value) implements Serializable {}

  public record Stats(int sensor, long count, long sum, long min, long max) implements Serializable {}

  /** Count, sum, min and max per sensor; the accumulator is the result. */
  static final class StatsAggregate implements AggregateFunction<Reading, Stats, Stats> {
    private static final long serialVersionUID = 1L;

    @Override
    public Stats createAccumulator() {
      return new Stats(-1, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE);
    }

    @Override
    public Stats add(Reading r, Stats acc) {
      return new Stats(r.sensor(), acc.count() + 1, acc.sum() + r.value(), Math.min(acc.min(), r.value()),
          Math.max(acc.max(), r.value()));
    }

    @Override
    public Stats getResult(Stats acc) {
      return acc;
    }

    @Override
    public Stats merge(Stats a, Stats b) {
      return new Stats(a.sensor(), a.count() + b.count(), a.sum() + b.sum(), Math.min(a.min(), b.min()),
          Math.max(a.max(), b.max()));
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_aggregatingPerKey_then_finalAggregatePerKeyMatchesReference(int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    try (var sink = new CollectingSink<Stats>()) {
      env.fromSequence(0, RECORDS - 1)
          .map(KeyedAggregationIT::reading)
          .keyBy(Reading::sensor)
          .aggregate(new StatsAggregate())
          .sinkTo(sink);
      env.execute("keyed-aggregate");

      List<Stats> emitted = sink.values();
      assertThat(emitted).hasSize(RECORDS);
      Map<Integer, Stats> finalPerKey = new HashMap<>();
      for (Stats s : emitted) {
        finalPerKey.merge(s.sensor(), s, (a, b) -> a.count() >= b.count() ? a : b);
      }
      assertThat(finalPerKey).isEqualTo(referenceStats());
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_maxByPerKey_then_finalRecordPerKeyHasTheLargestValue(int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    try (var sink = new CollectingSink<Reading>()) {
      env.fromSequence(0, RECORDS - 1)
          .map(KeyedAggregationIT::reading)
          .keyBy(Reading::sensor)
          .maxBy("value")
          .sinkTo(sink);
      env.execute("keyed-max-by");

      Map<Integer, Long> maxPerKey = sink.values().stream()
          .collect(Collectors.toMap(Reading::sensor, Reading::value, Math::max));
      Map<Integer, Long> expected = referenceStats().values().stream()
          .collect(Collectors.toMap(Stats::sensor, Stats::max));
      assertThat(maxPerKey).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_summingNumbersPerKey_then_emittedSumsPerKeyAreThePrefixSums(int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    try (var sink = new CollectingSink<Long>()) {
      // one key: the running sums are emitted by one subtask, so their order is defined
      env.fromSequence(1, 100).setParallelism(1).keyBy(x -> 0).sum("*").sinkTo(sink);
      env.execute("keyed-sum-numbers");

      List<Long> expected = new ArrayList<>();
      for (long n = 1, sum = 0; n <= 100; n++) {
        expected.add(sum += n);
      }
      assertThat(sink.values()).containsExactlyElementsOf(expected);
    }
  }

  static Reading reading(long i) {
    return new Reading((int) (i * 7 % KEYS), (i * 7919) % 1000 - 500);
  }

  private static Map<Integer, Stats> referenceStats() {
    StatsAggregate f = new StatsAggregate();
    Map<Integer, Stats> stats = new HashMap<>();
    for (long i = 0; i < RECORDS; i++) {
      Reading r = reading(i);
      stats.put(r.sensor(), f.add(r, stats.getOrDefault(r.sensor(), f.createAccumulator())));
    }
    return stats;
  }
}
