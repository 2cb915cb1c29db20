package weir.tests.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import weir.api.connector.sink.lib.DiscardingSink;
import weir.api.connector.source.lib.DataGeneratorSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobClient;
import weir.runtime.graph.JobGraphBuilder;
import weir.tests.support.SharedCounter;
import weir.tests.support.WeirThreads;

/**
 * The embedded executor runs cooperative subtasks on a fixed pool of workers (DESIGN.md §2): the
 * thread count follows the worker count and the blocking subtasks, not parallelism x vertices.
 */
class ThreadCountIT {
  private static final int PARALLELISM = 4;
  private static final int WORKERS = 2;
  /** Room for a few per-job helper threads (a watchdog, a coordinator), never per subtask. */
  private static final int HELPER_THREADS = 2;

  /** Five vertices at parallelism 4: source, map, keyed reduce, filter, sink (20 subtasks). */
  private static void defineJob(StreamExecutionEnvironment env, SharedCounter seen, boolean blockingSink) {
    var sink = env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE), "unbounded")
        .rebalance().map(x -> {
          seen.increment();
          return x;
        })
        .keyBy(x -> x % 100).reduce(Long::sum)
        .rebalance().filter(x -> x % 2 == 0)
        .rebalance().sinkTo(new DiscardingSink<>());
    if (blockingSink) {
      sink.blocking();
    }
  }

  private static StreamExecutionEnvironment environment() {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(PARALLELISM);
    env.getConfig().setWorkerThreads(WORKERS);
    return env;
  }

  @Test
  void when_jobHasFiveVerticesAtParallelismFour_then_itRunsOnTheWorkerThreadsOnly() throws Exception {
    try (var seen = new SharedCounter()) {
      var probe = environment();
      defineJob(probe, seen, false);
      assertThat(JobGraphBuilder.build(probe.takePipeline("probe")).vertices()).hasSize(5);

      assertThreadsDuringRun(seen, false, WORKERS);
    }
  }

  @Test
  void when_sinkIsBlocking_then_eachSinkSubtaskAddsOneThread() throws Exception {
    try (var seen = new SharedCounter()) {
      assertThreadsDuringRun(seen, true, WORKERS + PARALLELISM);
    }
  }

  /** Samples the job's threads while it runs: at most the workers, the blocking subtasks and a few helpers. */
  private static void assertThreadsDuringRun(SharedCounter seen, boolean blockingSink, int expectedJobThreads)
      throws Exception {
    String jobName = "thread-count-" + blockingSink;
    int before = Thread.activeCount();
    var env = environment();
    defineJob(env, seen, blockingSink);
    JobClient job = env.executeAsync(jobName);
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.get() > 10_000);
      List<Integer> jobThreads = new ArrayList<>();
      List<Integer> growth = new ArrayList<>();
      for (int sample = 0; sample < 10; sample++) {
        jobThreads.add(WeirThreads.alive(jobName).size());
        growth.add(Thread.activeCount() - before);
        LockSupport.parkNanos(5_000_000);
      }
      int bound = expectedJobThreads + HELPER_THREADS;
      assertThat(jobThreads).as("threads named after the job (20 subtasks)")
          .allSatisfy(n -> assertThat(n).isBetween(1, bound));
      // one more for JVM or test-framework threads that may start meanwhile
      assertThat(growth).as("growth of the JVM's thread count").allSatisfy(g -> assertThat(g).isLessThanOrEqualTo(bound + 1));
    } finally {
      job.cancel();
    }
    try {
      job.await();
    } catch (Exception expected) {
      // cancelled
    }
    assertThat(WeirThreads.alive(jobName)).isEmpty();
  }
}
