package weir.bench.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weir.bench.foundation.CheckpointSettings;

/**
 * Runs the recovery job small on each engine: the failure is injected after a completed
 * checkpoint, the restored job's sink receives records, and every key ends with the sum of a
 * fault-free run. The map fails at its first record after the first completed checkpoint
 * ({@code failAfter} 2: one record per subtask), so that the failure comes however fast the input
 * is read.
 */
class RecoveryRunnersTest {
  private static final long RECORDS = 2_000_000;

  static Stream<Arguments> engines() {
    return Stream.of(
        Arguments.of("flink", (Supplier<RecoveryRunner>) FlinkRecovery::new),
        Arguments.of("weir", (Supplier<RecoveryRunner>) WeirRecovery::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void when_a_map_fails_once_then_the_restored_job_ends_with_the_fault_free_sums(
      String engine, Supplier<RecoveryRunner> runner) throws Exception {
    CheckpointSettings checkpoints = CheckpointSettings.inTemporaryFolder(Duration.ofMillis(20));
    RecoveryProbes.reset();
    try {
      runner.get().run(RECORDS, 2, checkpoints, 2);
    } finally {
      checkpoints.deleteDirectory();
    }

    assertThat(RecoveryBenchMain.check(RECORDS)).isNull();
    assertThat(RecoveryProbes.checkpointsBeforeFailure()).isPositive();
    assertThat(RecoveryProbes.firstAfterRestoreNanos()).isGreaterThan(RecoveryProbes.failedNanos());
    assertThat(RecoveryProbes.sinkCount()).isGreaterThanOrEqualTo(RECORDS);
  }
}
