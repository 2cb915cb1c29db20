package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.datastream.OutputTag;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.Collector;
import weir.api.functions.ProcessFunction;
import weir.tests.support.CollectingSink;

/** A process function splits its input into a main output and two side outputs. */
class SideOutputIT {
  private static final OutputTag<String> ODD = OutputTag.of("odd", String.class);
  private static final OutputTag<Long> HUNDREDS = OutputTag.of("hundreds", Long.class);

  static final class Splitter extends ProcessFunction<Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Long value, Context ctx, Collector<Long> out) {
      if (value % 100 == 0) {
        ctx.output(HUNDREDS, value);
      }
      if (value % 2 == 0) {
        out.collect(value);
      } else {
        ctx.output(ODD, "odd-" + value);
      }
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_processEmitsToSideOutputs_then_eachOutputGetsItsRecords(int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    try (var evens = new CollectingSink<Long>();
        var odds = new CollectingSink<String>();
        var hundreds = new CollectingSink<Long>()) {
      var main = env.fromSequence(1, 1_000).process(new Splitter());
      main.sinkTo(evens);
      main.getSideOutput(ODD).rebalance().sinkTo(odds);
      main.getSideOutput(HUNDREDS).sinkTo(hundreds).setParallelism(1);
      env.execute("side-outputs");

      assertThat(evens.values())
          .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 1_000).filter(x -> x % 2 == 0).boxed().toList());
      assertThat(odds.values()).containsExactlyInAnyOrderElementsOf(
          LongStream.rangeClosed(1, 1_000).filter(x -> x % 2 == 1).mapToObj(x -> "odd-" + x).toList());
      assertThat(hundreds.values()).containsExactlyInAnyOrder(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L, 1000L);
    }
  }
}
