package weir.runtime.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.datastream.StreamExecutionEnvironment;

class EmbeddedExecutorTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void when_keyedRunningSum_then_lastValuePerKeyIsTotal(int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    List<Long> out = env.fromSequence(1, 10_000)
        .map(x -> x * 2)
        .filter(x -> x % 3 != 0)
        .keyBy(x -> x % 10)
        .reduce((a, b) -> a + b)
        .executeAndCollectAll();
    assertThat(out).hasSize((int) java.util.stream.LongStream.rangeClosed(1, 10_000).map(x -> x * 2).filter(x -> x % 3 != 0).count());
    long max = out.stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(max).isGreaterThan(0);
  }
}
