package weir.tests.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import weir.api.connector.sink.lib.DiscardingSink;
import weir.api.connector.source.lib.DataGeneratorSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobExecutionException;
import weir.api.environment.JobStatus;
import weir.tests.support.SharedCounter;
import weir.tests.support.WeirThreads;

/** Unbounded jobs end when cancelled, and leave no thread behind. */
class CancellationIT {
  @Test
  void when_unboundedJobIsCancelled_then_awaitThrowsStatusIsCanceledAndNoThreadIsLeft() throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    try (var seen = new SharedCounter()) {
      env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE), "unbounded")
          .rebalance()
          .map(x -> {
            seen.increment();
            return x;
          })
          .keyBy(x -> x % 10)
          .reduce(Long::sum)
          .sinkTo(new DiscardingSink<>());
      var job = env.executeAsync("cancelled-job");
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.get() > 10_000);
      assertThat(job.getJobStatus()).isEqualTo(JobStatus.RUNNING);

      job.cancel();

      assertThatThrownBy(job::await).isInstanceOf(JobExecutionException.class).hasMessageContaining("cancelled");
      assertThat(job.getJobStatus()).isEqualTo(JobStatus.CANCELED);
      assertThat(WeirThreads.alive("cancelled-job")).isEmpty();
    }
  }

  @Test
  void when_blockingUserCodeWaitsForeverAndTheJobIsCancelled_then_itIsInterruptedAndTheJobEnds() throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    try (var entered = new SharedCounter()) {
      env.fromSequence(1, 10)
          .map(x -> {
            entered.increment();
            Thread.sleep(Duration.ofHours(1).toMillis());
            return x;
          })
          .blocking()
          .sinkTo(new DiscardingSink<>());
      var job = env.executeAsync("stuck-job");
      await().atMost(Duration.ofSeconds(10)).until(() -> entered.get() == 1);

      job.cancel();

      assertThatThrownBy(() -> job.await(Duration.ofSeconds(10)))
          .isInstanceOf(JobExecutionException.class).hasMessageContaining("cancelled");
      assertThat(job.getJobStatus()).isEqualTo(JobStatus.CANCELED);
      assertThat(WeirThreads.alive("stuck-job")).isEmpty();
    }
  }

  @Test
  void when_collectingALimitFromAnUnboundedSource_then_limitRecordsArriveAndTheJobIsCancelled() throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);

    List<Long> first = env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE), "unbounded")
        .map(x -> x * 2)
        .executeAndCollect(100);

    assertThat(first).containsExactlyElementsOf(LongStream.range(0, 100).map(x -> x * 2).boxed().toList());
    // closing the iterator cancels without waiting, so the threads end shortly after
    await().atMost(Duration.ofSeconds(5)).until(() -> WeirThreads.alive("Collect job").isEmpty());
  }
}
