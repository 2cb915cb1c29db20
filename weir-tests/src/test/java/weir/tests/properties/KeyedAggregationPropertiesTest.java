package weir.tests.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import weir.api.datastream.DataStream;
import weir.api.datastream.KeyedStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.AggregateFunction;
import weir.tests.support.CollectingSink;

/**
 * Keyed rolling aggregations over random (key, value) lists equal a plain-Java reference at
 * parallelism 1, 2 and 4.
 *
 * <p>With a parallel source the records of one key reach the keyed subtask in an order that
 * depends on scheduling, so only commutative aggregations (sum, count, min) are compared. The
 * final aggregate of a key is the last record emitted for it: one subtask emits all of a key's
 * aggregates in order, and the chained sink appends them to the registry in that order.
 */
class KeyedAggregationPropertiesTest {
  public record KeyValue(int key, long value) implements Serializable {}

  public record Stats(int key, long sum, long count, long min) implements Serializable {}

  @Provide
  Arbitrary<List<KeyValue>> records() {
    Arbitrary<KeyValue> record = Combinators.combine(
        Arbitraries.integers().between(0, 12),
        Arbitraries.longs().between(-1_000_000, 1_000_000)).as(KeyValue::new);
    return record.list().ofMinSize(1).ofMaxSize(300);
  }

  @Provide
  Arbitrary<Integer> parallelisms() {
    return Arbitraries.of(1, 2, 4);
  }

  @Property(tries = 25)
  void when_reducingBySum_then_lastValuePerKeyIsTheKeysTotal(
      @ForAll("records") List<KeyValue> input, @ForAll("parallelisms") int parallelism) throws Exception {
    Map<Integer, KeyValue> last = run(input, parallelism,
        s -> s.reduce((a, b) -> new KeyValue(a.key(), a.value() + b.value())), KeyValue::key);

    assertThat(last).isEqualTo(reference(input, s -> new KeyValue(s.key(), s.sum())));
  }

  @Property(tries = 25)
  void when_summingAField_then_lastValuePerKeyIsTheKeysTotal(
      @ForAll("records") List<KeyValue> input, @ForAll("parallelisms") int parallelism) throws Exception {
    Map<Integer, KeyValue> last = run(input, parallelism, s -> s.sum("value"), KeyValue::key);

    assertThat(last).isEqualTo(reference(input, s -> new KeyValue(s.key(), s.sum())));
  }

  @Property(tries = 25)
  void when_minOfAField_then_lastValuePerKeyIsTheKeysMinimum(
      @ForAll("records") List<KeyValue> input, @ForAll("parallelisms") int parallelism) throws Exception {
    Map<Integer, KeyValue> last = run(input, parallelism, s -> s.min("value"), KeyValue::key);

    assertThat(last).isEqualTo(reference(input, s -> new KeyValue(s.key(), s.min())));
  }

  @Property(tries = 25)
  void when_aggregating_then_lastAggregatePerKeyHasTheKeysSumCountAndMinimum(
      @ForAll("records") List<KeyValue> input, @ForAll("parallelisms") int parallelism) throws Exception {
    Map<Integer, Stats> last = run(input, parallelism, s -> s.aggregate(new StatsAggregate()), Stats::key);

    assertThat(last).isEqualTo(reference(input, s -> s));
  }

  /** Runs source → keyBy(key) → aggregation → collecting sink; returns the last output per key. */
  private static <R> Map<Integer, R> run(List<KeyValue> input, int parallelism,
      Function<KeyedStream<KeyValue, Integer>, DataStream<R>> aggregation, Function<R, Integer> keyOf) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    try (var sink = new CollectingSink<R>()) {
      aggregation.apply(env.fromData(input).keyBy(KeyValue::key)).sinkTo(sink);
      env.execute("keyed-aggregation-property");

      List<R> emitted = sink.values();
      assertThat(emitted).as("one output per input record").hasSize(input.size());
      Map<Integer, R> last = new TreeMap<>();
      for (R r : emitted) {
        last.put(keyOf.apply(r), r);
      }
      return last;
    }
  }

  private static <R> Map<Integer, R> reference(List<KeyValue> input, Function<Stats, R> result) {
    Map<Integer, Stats> stats = new LinkedHashMap<>();
    StatsAggregate f = new StatsAggregate();
    for (KeyValue kv : input) {
      stats.put(kv.key(), f.add(kv, stats.getOrDefault(kv.key(), f.createAccumulator())));
    }
    Map<Integer, R> expected = new TreeMap<>();
    stats.forEach((key, s) -> expected.put(key, result.apply(s)));
    return expected;
  }

  static final class StatsAggregate implements AggregateFunction<KeyValue, Stats, Stats> {
    private static final long serialVersionUID = 1L;

    @Override
    public Stats createAccumulator() {
      return new Stats(-1, 0, 0, Long.MAX_VALUE);
    }

    @Override
    public Stats add(KeyValue kv, Stats acc) {
      return new Stats(kv.key(), acc.sum() + kv.value(), acc.count() + 1, Math.min(acc.min(), kv.value()));
    }

    @Override
    public Stats getResult(Stats acc) {
      return acc;
    }

    @Override
    public Stats merge(Stats a, Stats b) {
      return new Stats(a.key(), a.sum() + b.sum(), a.count() + b.count(), Math.min(a.min(), b.min()));
    }
  }
}
