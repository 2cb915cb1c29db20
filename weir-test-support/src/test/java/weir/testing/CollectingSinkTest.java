package weir.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import weir.api.environment.JobExecutionException;

class CollectingSinkTest {
  @Test
  void when_sinkRunsWithParallelismFour_then_recordsOfAllSubtasksGathered() throws Exception {
    var env = EmbeddedJobs.environment(4);
    try (var sink = CollectingSink.<Long>create()) {
      env.fromSequence(1, 1_000).map(x -> x * 2).sinkTo(sink).setParallelism(4);

      env.execute("collect");

      assertThat(sink.records()).containsExactlyInAnyOrderElementsOf(
          LongStream.rangeClosed(1, 1_000).map(x -> x * 2).boxed().toList());
      List<Long> perSubtask = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        perSubtask.addAll(sink.records(i));
      }
      assertThat(perSubtask).containsExactlyInAnyOrderElementsOf(sink.records());
      assertThat(sink.records(4)).isEmpty();
    }
  }

  @Test
  void when_twoSinksInOneJob_then_eachSeesOnlyItsStream() throws Exception {
    var env = EmbeddedJobs.environment(2);
    try (var evens = CollectingSink.<Long>create(); var odds = CollectingSink.<Long>create()) {
      var numbers = env.fromSequence(1, 10);
      numbers.filter(x -> x % 2 == 0).sinkTo(evens);
      numbers.filter(x -> x % 2 == 1).sinkTo(odds);

      env.execute("split");

      assertThat(evens.records()).containsExactlyInAnyOrder(2L, 4L, 6L, 8L, 10L);
      assertThat(odds.records()).containsExactlyInAnyOrder(1L, 3L, 5L, 7L, 9L);
    }
  }

  @Test
  void when_cleared_then_emptyAndReusable() throws Exception {
    try (var sink = CollectingSink.<Long>create()) {
      var env = EmbeddedJobs.environment(1);
      env.fromSequence(1, 3).sinkTo(sink);
      env.execute();

      sink.clear();
      assertThat(sink.records()).isEmpty();

      env.fromSequence(7, 8).sinkTo(sink);
      env.execute();
      assertThat(sink.records()).containsExactly(7L, 8L);
    }
  }

  @Test
  void when_closed_then_readsAndJobsFailClearly() {
    var sink = CollectingSink.<Long>create();
    sink.close();
    var env = EmbeddedJobs.environment(1);
    env.fromSequence(1, 3).sinkTo(sink);

    assertThatThrownBy(sink::records).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    assertThatThrownBy(() -> env.execute("after close"))
        .isInstanceOf(JobExecutionException.class)
        .hasStackTraceContaining("is closed");
  }

  @Test
  void when_collect_then_streamRecordsReturned() throws Exception {
    var env = EmbeddedJobs.environment(3);

    List<Long> out = EmbeddedJobs.collectSorted(env.fromSequence(1, 100).map(x -> -x), Long::compare);

    assertThat(out).hasSize(100).isSorted().startsWith(-100L).endsWith(-1L);
  }
}
