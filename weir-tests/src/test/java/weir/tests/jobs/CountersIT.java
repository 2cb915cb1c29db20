package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.connector.sink.lib.DiscardingSink;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobExecutionResult;
import weir.api.functions.FilterFunction;
import weir.api.functions.RichFunction;
import weir.api.functions.RuntimeContext;
import weir.api.metrics.Counter;

/** Counters of user functions are summed over subtasks into the job's result. */
class CountersIT {
  /** Keeps multiples of three and counts what it saw and what it dropped. */
  static final class CountingFilter implements FilterFunction<Long>, RichFunction {
    private static final long serialVersionUID = 1L;
    private transient Counter seen;
    private transient Counter dropped;

    @Override
    public void open(RuntimeContext context) {
      seen = context.getCounter("seen");
      dropped = context.getCounter("dropped");
    }

    @Override
    public boolean filter(Long value) {
      seen.inc();
      if (value % 3 == 0) {
        return true;
      }
      dropped.inc();
      return false;
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_functionsCount_then_resultHoldsTheSumsOverSubtasks(int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.fromSequence(1, 9_000).rebalance().filter(new CountingFilter()).sinkTo(new DiscardingSink<>());

    JobExecutionResult result = env.execute("counters");

    assertThat(result.getCounter("seen")).isEqualTo(9_000);
    assertThat(result.getCounter("dropped")).isEqualTo(6_000);
    assertThat(result.getCounter("never-created")).isZero();
    assertThat(result.jobName()).isEqualTo("counters");
  }
}
