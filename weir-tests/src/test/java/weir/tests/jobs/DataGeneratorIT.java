package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.connector.source.lib.DataGeneratorSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.tests.support.CollectingSink;

/** A rate-limited generator still emits exactly its count (no timing is asserted). */
class DataGeneratorIT {
  private static final int COUNT = 600;

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_generatorIsRateLimited_then_itEmitsEachIndexOnce(int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    try (var sink = new CollectingSink<String>()) {
      env.fromSource(new DataGeneratorSource<>(i -> "event-" + i, COUNT, 20_000), "events").sinkTo(sink);
      env.execute("rate-limited-generator");

      assertThat(sink.values())
          .containsExactlyInAnyOrderElementsOf(LongStream.range(0, COUNT).mapToObj(i -> "event-" + i).toList());
    }
  }
}
