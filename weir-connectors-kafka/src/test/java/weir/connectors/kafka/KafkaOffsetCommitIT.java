package weir.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import weir.api.environment.JobClient;
import weir.api.eventtime.WatermarkStrategy;
import weir.testing.CollectingSink;

/** When a checkpoint completes, the source commits the offsets it holds to its consumer group, unless told not to. */
class KafkaOffsetCommitIT {
  @Test
  @Timeout(60)
  void when_a_checkpoint_completes_then_the_group_holds_the_offsets_after_the_records_read(@TempDir Path dir)
      throws Exception {
    KafkaBroker.createFilledTopic("commit-on", 5, 3);
    try (CollectingSink<String> sink = CollectingSink.create()) {
      JobClient job = startAndRead(KafkaJobs.stringSource("commit-on").groupId("commit-on-group").build(), 8, sink, dir);
      await().atMost(Duration.ofSeconds(30)).until(() -> KafkaBroker.committedOffsets("commit-on-group"),
          o -> o.equals(Map.of(new TopicPartition("commit-on", 0), 5L, new TopicPartition("commit-on", 1), 3L)));

      KafkaBroker.fill("commit-on", 1, 3, 7);
      await().atMost(Duration.ofSeconds(30)).until(() -> KafkaBroker.committedOffsets("commit-on-group"),
          o -> o.equals(Map.of(new TopicPartition("commit-on", 0), 5L, new TopicPartition("commit-on", 1), 7L)));
      KafkaJobs.cancel(job);
    }
  }

  @Test
  @Timeout(60)
  void when_committing_is_off_then_completed_checkpoints_leave_the_group_without_offsets(@TempDir Path dir)
      throws Exception {
    KafkaBroker.createFilledTopic("commit-off", 5);
    try (CollectingSink<String> sink = CollectingSink.create()) {
      JobClient job = startAndRead(KafkaJobs.stringSource("commit-off").groupId("commit-off-group")
          .commitOffsetsOnCheckpoint(false).build(), 5, sink, dir);
      job.triggerCheckpoint().get(30, TimeUnit.SECONDS);
      job.triggerCheckpoint().get(30, TimeUnit.SECONDS);
      KafkaJobs.cancel(job);
    }
    assertThat(KafkaBroker.committedOffsets("commit-off-group")).isEmpty();
  }

  /** Starts a job reading {@code source} into {@code sink}, checkpointing every 100 ms; waits until it read {@code records}. */
  private static JobClient startAndRead(KafkaSource<String> source, int records, CollectingSink<String> sink, Path dir)
      throws Exception {
    var env = KafkaJobs.checkpointing(2, Duration.ofMillis(100), dir);
    env.fromSource(source, WatermarkStrategy.noWatermarks(), source.getProducedType(), "kafka").sinkTo(sink);
    JobClient job = env.executeAsync("commit offsets");
    await().atMost(Duration.ofSeconds(30)).until(() -> sink.records().size() >= records);
    return job;
  }
}
