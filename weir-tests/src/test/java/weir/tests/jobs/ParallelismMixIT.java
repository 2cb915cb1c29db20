package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.tests.support.CollectingSink;

/** Operators with different parallelism in one job give the same result as a uniform job. */
class ParallelismMixIT {
  private static final int RECORDS = 10_000;
  private static final int KEYS = 17;

  public record KeyedSum(long key, long sum, long count) implements Serializable {}

  @ParameterizedTest(name = "default parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_operatorsHaveMixedParallelism_then_resultMatchesReference(int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    try (var sink = new CollectingSink<KeyedSum>()) {
      env.fromSequence(1, RECORDS).setParallelism(3)
          .map(x -> x * 3).setParallelism(2)
          .filter(x -> x % 2 == 0).setParallelism(4)
          .map(x -> new KeyedSum(x % KEYS, x, 1)) // default parallelism
          .keyBy(KeyedSum::key)
          .reduce((a, b) -> new KeyedSum(a.key(), a.sum() + b.sum(), a.count() + b.count())).setParallelism(3)
          .filter(s -> s.count() > 0).setParallelism(1)
          .sinkTo(sink).setParallelism(2);
      env.execute("parallelism-mix");

      Map<Long, KeyedSum> last = sink.values().stream().collect(Collectors.toMap(
          KeyedSum::key, s -> s, (a, b) -> a.count() >= b.count() ? a : b, TreeMap::new));
      assertThat(last).isEqualTo(reference());
      assertThat(sink.count()).isEqualTo(RECORDS / 2);
    }
  }

  private static Map<Long, KeyedSum> reference() {
    Map<Long, KeyedSum> totals = new TreeMap<>();
    for (long x = 1; x <= RECORDS; x++) {
      long y = x * 3;
      if (y % 2 == 0) {
        totals.merge(y % KEYS, new KeyedSum(y % KEYS, y, 1),
            (a, b) -> new KeyedSum(a.key(), a.sum() + b.sum(), a.count() + b.count()));
      }
    }
    return totals;
  }
}
