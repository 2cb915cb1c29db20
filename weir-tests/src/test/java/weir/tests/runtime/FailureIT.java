package weir.tests.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import weir.api.connector.sink.lib.DiscardingSink;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobExecutionException;
import weir.api.environment.JobStatus;
import weir.api.functions.MapFunction;
import weir.api.functions.RichFunction;
import weir.api.functions.RuntimeContext;
import weir.tests.support.WeirThreads;

/** A user function that throws fails the job with a message naming operator and subtask. */
class FailureIT {
  /** Thrown by {@link Explode}; the job's cause must be this very exception. */
  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom(String message) {
      super(message);
    }
  }

  /** Throws on the first record the second subtask sees. */
  static final class Explode implements MapFunction<Long, Long>, RichFunction {
    private static final long serialVersionUID = 1L;
    private transient int subtask;

    @Override
    public void open(RuntimeContext context) {
      subtask = context.getSubtaskIndex();
    }

    @Override
    public Long map(Long value) {
      if (subtask == 1) {
        throw new Boom("cannot map " + value);
      }
      return value;
    }
  }

  @Test
  void when_mapThrows_then_jobFailsNamingOperatorAndSubtaskWithTheOriginalCause() {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    // one source subtask round-robins over both map subtasks, so subtask 2/2 surely gets records
    env.fromSequence(1, 10_000).setParallelism(1)
        .rebalance()
        .map(new Explode()).name("Explode")
        .sinkTo(new DiscardingSink<>());

    assertThatThrownBy(() -> env.execute("failing-job"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("failing-job")
        .hasMessageContaining("'Explode'")
        .hasMessageContaining("subtask 2/2")
        .hasMessageContaining("cannot map")
        .cause().isInstanceOf(Boom.class);
    assertThat(WeirThreads.alive("failing-job")).as("threads left by the failed job").isEmpty();
  }

  @Test
  void when_asyncJobFails_then_statusIsFailedAndAwaitThrows() throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    env.fromSequence(1, 10_000).setParallelism(1).rebalance().map(new Explode()).name("Explode")
        .sinkTo(new DiscardingSink<>());

    var job = env.executeAsync("failing-async-job");

    assertThatThrownBy(job::await).isInstanceOf(JobExecutionException.class).cause().isInstanceOf(Boom.class);
    assertThat(job.getJobStatus()).isEqualTo(JobStatus.FAILED);
    assertThat(job.getJobExecutionResult()).isCompletedExceptionally();
    assertThat(WeirThreads.alive("failing-async-job")).isEmpty();
  }
}
