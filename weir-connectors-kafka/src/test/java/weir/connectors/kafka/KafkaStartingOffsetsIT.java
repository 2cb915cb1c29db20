package weir.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static weir.connectors.kafka.KafkaBroker.bytes;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import weir.api.eventtime.WatermarkStrategy;
import weir.testing.CollectingSink;

/**
 * Where the source starts reading each partition, against the test broker: earliest, latest,
 * a timestamp, the consumer group's committed offsets and the fallback where it has none. The
 * jobs other than the one starting at latest are bounded at the latest offsets, so they end by
 * themselves with what they read.
 */
class KafkaStartingOffsetsIT {
  @Test
  @Timeout(60)
  void when_starting_at_earliest_then_every_record_of_every_partition_is_read() throws Exception {
    List<String> expected = KafkaBroker.createFilledTopic("start-earliest", 5, 7);

    List<String> read = KafkaJobs.readToEnd(KafkaJobs.stringSource("start-earliest")
        .startingOffsets(OffsetsSpec.earliest()).bounded(OffsetsSpec.latest()).build(), 2);

    assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  @Timeout(60)
  void when_starting_at_a_timestamp_then_earlier_records_are_skipped_and_a_partition_without_later_ones_reads_nothing()
      throws Exception {
    KafkaBroker.createTopic("start-timestamp", 2);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      records.add(new ProducerRecord<>("start-timestamp", 0, 1_000L + i * 100, null, bytes("0:" + i)));
      records.add(new ProducerRecord<>("start-timestamp", 1, 1_000L + i * 10, null, bytes("1:" + i)));
    }
    KafkaBroker.sendAll(records);

    List<String> read = KafkaJobs.readToEnd(KafkaJobs.stringSource("start-timestamp")
        .startingOffsets(OffsetsSpec.timestamp(1_500)).bounded(OffsetsSpec.latest()).build(), 1);

    assertThat(read).containsExactly("0:5", "0:6", "0:7", "0:8", "0:9");
  }

  @Test
  @Timeout(60)
  void when_starting_at_committed_offsets_then_a_partition_resumes_at_its_commit_and_one_without_falls_back_to_earliest()
      throws Exception {
    assertThat(readFromCommitted("start-committed", OffsetsSpec.earliest()))
        .containsExactlyInAnyOrder("0:4", "0:5", "1:0", "1:1", "1:2", "1:3");
  }

  @Test
  @Timeout(60)
  void when_the_group_has_no_commit_for_a_partition_and_the_fallback_is_latest_then_that_partition_reads_nothing_old()
      throws Exception {
    assertThat(readFromCommitted("start-fallback", OffsetsSpec.latest())).containsExactly("0:4", "0:5");
  }

  /**
   * The job commits its offsets to its group on checkpoints; once the group holds the starting
   * offset of the partition (the end at the job's start), the records sent after it must be read
   * and those sent before it not.
   */
  @Test
  @Timeout(60)
  void when_starting_at_latest_then_records_produced_before_the_job_are_skipped(@TempDir Path dir) throws Exception {
    KafkaBroker.createFilledTopic("start-latest", 5);
    var env = KafkaJobs.checkpointing(1, Duration.ofMillis(100), dir);
    KafkaSource<String> source = KafkaJobs.stringSource("start-latest").groupId("start-latest-group")
        .startingOffsets(OffsetsSpec.latest()).build();
    try (CollectingSink<String> sink = CollectingSink.create()) {
      env.fromSource(source, WatermarkStrategy.noWatermarks(), source.getProducedType(), "kafka").sinkTo(sink);
      var job = env.executeAsync("start at latest");
      await().atMost(Duration.ofSeconds(30))
          .until(() -> KafkaBroker.committedOffsets("start-latest-group"), o -> !o.isEmpty());
      assertThat(KafkaBroker.committedOffsets("start-latest-group"))
          .containsExactly(Map.entry(new TopicPartition("start-latest", 0), 5L));

      List<String> later = KafkaBroker.fill("start-latest", 0, 5, 8);
      await().atMost(Duration.ofSeconds(30)).until(() -> sink.records().size() >= later.size());
      KafkaJobs.cancel(job);
      assertThat(sink.records()).isEqualTo(later);
    }
  }

  /**
   * Fills a topic's two partitions with 6 and 4 records, commits offset 4 of partition 0 (only)
   * to the group {@code <topic>-group} and reads what a source of that group starting at its
   * committed offsets, bounded at latest, reads.
   */
  private static List<String> readFromCommitted(String topic, OffsetsSpec fallback) throws Exception {
    KafkaBroker.createFilledTopic(topic, 6, 4);
    String group = topic + "-group";
    try (var admin = KafkaBroker.admin()) {
      admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(4)))
          .all().get(30, TimeUnit.SECONDS);
    }
    return KafkaJobs.readToEnd(KafkaJobs.stringSource(topic).groupId(group)
        .startingOffsets(OffsetsSpec.committed(fallback)).bounded(OffsetsSpec.latest()).build(), 1);
  }
}
