package weir.runtime.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.KeySelector;
import weir.api.tuple.Tuple2;

/**
 * A keyed operator reads its state ahead for groups of records: the results are those of a plain
 * run, and the key of a record is still computed once at the operator.
 */
class KeyedPrefetchTest {
  private static final AtomicLong KEY_CALLS = new AtomicLong();

  /** The record's key field, counting its calls. */
  static final class CountingKey implements KeySelector<Tuple2<Long, Long>, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long getKey(Tuple2<Long, Long> r) {
      KEY_CALLS.incrementAndGet();
      return r.f0();
    }
  }

  @Test
  void when_records_are_read_ahead_for_then_each_key_gets_its_running_sum_and_the_key_is_computed_once_there()
      throws Exception {
    KEY_CALLS.set(0);
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    List<Tuple2<Long, Long>> sums = env.fromSequence(1, 100_000)
        .map(n -> new Tuple2<>(n % 1_000, n))
        .keyBy(new CountingKey())
        .reduce((a, b) -> new Tuple2<>(a.f0(), a.f1() + b.f1()))
        .executeAndCollectAll();

    assertThat(sums).hasSize(100_000);
    Map<Long, Long> expected = new HashMap<>();
    for (long n = 1; n <= 100_000; n++) {
      expected.merge(n % 1_000, n, Long::sum);
    }
    Map<Long, Long> last = new HashMap<>();
    sums.forEach(s -> last.merge(s.f0(), s.f1(), Math::max)); // a key's running sums grow
    assertThat(last).isEqualTo(expected);
    // once to route each record to its subtask, once at the keyed operator
    assertThat(KEY_CALLS.get()).isEqualTo(2 * 100_000);
  }
}
