package weir.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import weir.api.checkpoint.RestartStrategy;
import weir.testing.faults.FailureInjector;

/**
 * The at-least-once sink flushes its producer at each checkpoint, so a job that fails and
 * restarts from its latest checkpoint loses no record; the records after the checkpoint may
 * arrive twice.
 */
class KafkaAtLeastOnceSinkIT {
  private static final int RECORDS = 5_000;

  @Test
  @Timeout(90)
  void when_the_job_fails_and_restarts_then_every_record_arrives_at_least_once(@TempDir Path dir) throws Exception {
    KafkaBroker.createTopic("alo-out", 2);
    var env = KafkaJobs.checkpointing(2, Duration.ofMillis(50), dir);
    env.setRestartStrategy(RestartStrategy.fixedDelay(10, Duration.ZERO));
    env.fromSequence(0, RECORDS - 1)
        .map(i -> Long.toString(i))
        .map(new FailureInjector<String>(7, 3, RECORDS / 4,
            EnumSet.of(FailureInjector.Point.RECORD, FailureInjector.Point.SNAPSHOT)))
        .sinkTo(KafkaSink.<String>builder()
            .bootstrapServers(KafkaBroker.bootstrapServers())
            .recordSerializer(KafkaRecordSerializationSchema.<String>builder()
                .topic("alo-out").valueFormat(ValueFormat.string()).build())
            .deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
            .build());

    long injected = env.execute("at least once").getCounter(FailureInjector.FAILURES);

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      expected.add(Integer.toString(i));
    }
    List<String> written = KafkaBroker.values(KafkaBroker.readAllCommitted("alo-out"));
    assertThat(injected).isGreaterThanOrEqualTo(1);
    assertThat(written).hasSizeGreaterThanOrEqualTo(RECORDS).containsAll(expected);
    assertThat(written.stream().distinct().toList()).hasSize(RECORDS);
  }
}
