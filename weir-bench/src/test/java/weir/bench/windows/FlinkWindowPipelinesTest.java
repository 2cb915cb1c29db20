package weir.bench.windows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs each workload on a small Flink MiniCluster and compares its results with the reference. */
class FlinkWindowPipelinesTest {

  @ParameterizedTest
  @EnumSource(Workload.class)
  void when_aWorkloadRuns_then_theSinkFoldsExactlyTheReferenceResults(Workload workload) throws Exception {
    // 20 s of event time over 2,000 keys: five rounds of the session groups
    WindowEvents events = new WindowEvents(workload, 200_000, 2_000, 10_000);

    WindowRunResult result = new FlinkWindowPipelines().run(events, 2);

    ResultChecksum expected = WindowReference.expected(events);
    assertThat(result.run().sinkCount()).isEqualTo(expected.results);
    assertThat(result.countTotal()).isEqualTo(expected.countTotal);
    assertThat(result.checksum()).isEqualTo(expected.checksum);
    assertThat(result.run().consistentWith(events.records())).isTrue();
  }
}
