package weir.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewPartitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.environment.JobClient;
import weir.api.eventtime.WatermarkStrategy;
import weir.testing.CollectingSink;

/**
 * A running source picks up topics that match its pattern and partitions created after it
 * started, at the discovery interval, reading them from their earliest offset.
 */
class KafkaPartitionDiscoveryIT {
  private static final Duration DISCOVERY = Duration.ofMillis(200);
  /** Well above the discovery interval, for the job's threads on a busy machine. */
  private static final Duration WITHIN = Duration.ofSeconds(15);

  @Test
  @Timeout(90)
  void when_a_matching_topic_or_partition_is_created_while_the_job_runs_then_its_records_are_read() throws Exception {
    KafkaBroker.createTopic("discover-a", 1);
    KafkaBroker.createTopic("undiscovered-c", 1);
    List<String> expected = new ArrayList<>(KafkaBroker.fill("discover-a", 0, 0, 3));
    KafkaBroker.fill("undiscovered-c", 0, 0, 3);
    try (CollectingSink<String> sink = CollectingSink.create()) {
      JobClient job = start("discover-.*", sink);
      await().atMost(WITHIN).until(() -> sink.records().size() >= expected.size());

      // records sent before the discovery of the new topic: read from the earliest offset
      KafkaBroker.createTopic("discover-b", 2);
      expected.addAll(KafkaBroker.fill("discover-b", 0, 0, 2));
      expected.addAll(KafkaBroker.fill("discover-b", 1, 0, 2));
      await().atMost(WITHIN).until(() -> sink.records().size() >= expected.size());
      assertThat(sink.records()).containsExactlyInAnyOrderElementsOf(expected);

      try (var admin = KafkaBroker.admin()) {
        admin.createPartitions(Map.of("discover-a", NewPartitions.increaseTo(3))).all().get(30, TimeUnit.SECONDS);
      }
      expected.addAll(KafkaBroker.fill("discover-a", 1, 0, 2));
      expected.addAll(KafkaBroker.fill("discover-a", 2, 0, 2));
      await().atMost(WITHIN).until(() -> sink.records().size() >= expected.size());
      KafkaJobs.cancel(job);
      assertThat(sink.records()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  @Timeout(60)
  void when_no_topic_matches_at_start_then_the_first_matching_topic_created_is_read() throws Exception {
    try (CollectingSink<String> sink = CollectingSink.create()) {
      JobClient job = start("late-topic-.*", sink);
      KafkaBroker.createTopic("late-topic-1", 2);
      List<String> expected = new ArrayList<>(KafkaBroker.fill("late-topic-1", 0, 0, 3));
      expected.addAll(KafkaBroker.fill("late-topic-1", 1, 0, 3));
      await().atMost(WITHIN).until(() -> sink.records().size() >= expected.size());
      KafkaJobs.cancel(job);
      assertThat(sink.records()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static JobClient start(String pattern, CollectingSink<String> sink) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    KafkaSource<String> source = KafkaSource.<String>builder()
        .bootstrapServers(KafkaBroker.bootstrapServers())
        .topicPattern(Pattern.compile(pattern))
        .partitionDiscoveryInterval(DISCOVERY)
        .deserializer(KafkaRecordDeserializationSchema.valueOnly(ValueFormat.string()))
        .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), source.getProducedType(), "kafka").sinkTo(sink);
    return env.executeAsync("discovery of " + pattern);
  }
}
