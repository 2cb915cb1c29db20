package weir.tests.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weir.api.connector.source.lib.NumberSequenceSource;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.tuple.Tuple2;
import weir.testing.faults.ExactlyOnceCheck;
import weir.testing.faults.FailureInjector.Point;
import weir.tests.support.Pace;

/**
 * The fault-injection kit on a rolling keyed count: every intermediate count is committed, so a
 * record replayed twice or lost after a restart changes the committed multiset, while the order
 * in which two source subtasks' records reach a key does not.
 */
class ExactlyOnceCheckIT {
  @ParameterizedTest(name = "parallelism {0}, unaligned {1}")
  @CsvSource({"1, false", "2, false", "1, true", "2, true"})
  @Timeout(120)
  void rolling_keyed_count_is_exactly_once_through_injected_failures(int parallelism, boolean unaligned)
      throws Exception {
    ExactlyOnceCheck.forJob((env, faults) -> env
            .fromSource(new NumberSequenceSource(1, 60_000), WatermarkStrategy.<Long>noWatermarks(), "numbers")
            .map(faults.<Long>injector())
            .map(v -> Tuple2.of(v % 10, 1L))
            .keyBy(t -> t.f0())
            .sum("f1"))
        .parallelism(parallelism)
        .seeds(1, 2, 3)
        .failuresPerRun(7)
        .maxRecordsBetweenFailures(20_000)
        .checkpointSettings(c -> c.enableUnalignedCheckpoints(unaligned))
        .verify();
  }

  /**
   * Failures in the middle of checkpoints and restores: the injector sits right before the sink
   * in its chain, so a failure when a checkpoint completes comes before the sink commits it.
   */
  @ParameterizedTest(name = "parallelism {0}, unaligned {1}")
  @CsvSource({"1, false", "2, false", "2, true"})
  @Timeout(180)
  void rolling_keyed_count_is_exactly_once_through_failures_at_every_point(int parallelism, boolean unaligned)
      throws Exception {
    long injected = ExactlyOnceCheck.forJob((env, faults) -> env
            .fromSource(new NumberSequenceSource(1, 60_000), WatermarkStrategy.<Long>noWatermarks(), "numbers")
            .map(new Pace(50))
            .map(v -> Tuple2.of(v % 10, 1L))
            .keyBy(t -> t.f0())
            .sum("f1")
            .map(faults.<Tuple2<Long, Long>>injector()))
        .parallelism(parallelism)
        .seeds(1, 2, 3)
        .failuresPerRun(10)
        .maxRecordsBetweenFailures(5_000)
        .failurePoints(Point.RECORD, Point.SNAPSHOT, Point.COMMIT, Point.RESTORE)
        .checkpointSettings(c -> c.enableUnalignedCheckpoints(unaligned))
        .verify();
    assertThat(injected).isGreaterThanOrEqualTo(20);
  }
}
