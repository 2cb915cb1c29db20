package weir.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.testing.CollectingSink;

/** A bounded source ends by itself with exactly the records before its stopping offsets, against the test broker. */
class KafkaBoundedSourceIT {
  /**
   * The job itself sends more records to both partitions when it reads its first record, so they
   * are surely in the topic before the job ends: the stopping offsets were resolved at the start
   * and must leave them out.
   */
  @Test
  @Timeout(60)
  void when_bounded_at_latest_then_the_job_ends_with_the_records_present_at_its_start() throws Exception {
    List<String> expected = KafkaBroker.createFilledTopic("bounded-latest", 5, 3);
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    KafkaSource<String> source = KafkaJobs.stringSource("bounded-latest").bounded(OffsetsSpec.latest()).build();
    try (CollectingSink<String> sink = CollectingSink.create()) {
      env.fromSource(source, WatermarkStrategy.noWatermarks(), source.getProducedType(), "kafka")
          .map(v -> sendMoreOnFirstRecord("bounded-latest", v))
          .sinkTo(sink);
      env.execute("bounded at latest");

      assertThat(sink.records()).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(KafkaBroker.values(KafkaBroker.readAllCommitted("bounded-latest"))).hasSize(expected.size() + 4);
  }

  @Test
  @Timeout(60)
  void when_bounded_at_given_offsets_then_the_job_ends_with_the_records_before_them_and_the_rest_at_the_fallback()
      throws Exception {
    KafkaBroker.createFilledTopic("bounded-given", 6, 6, 2);
    var stops = Map.of(new TopicPartition("bounded-given", 0), 4L, new TopicPartition("bounded-given", 1), 0L);

    List<String> read = KafkaJobs.readToEnd(KafkaJobs.stringSource("bounded-given")
        .bounded(OffsetsSpec.specific(stops, OffsetsSpec.latest())).build(), 2);

    assertThat(read).containsExactlyInAnyOrder("0:0", "0:1", "0:2", "0:3", "2:0", "2:1");
  }

  /** Passes records on; on the first record of partition 0 sends two more records to each of two partitions. */
  private static String sendMoreOnFirstRecord(String topic, String value) throws Exception {
    if (value.equals("0:0")) {
      KafkaBroker.fill(topic, 0, 100, 102);
      KafkaBroker.fill(topic, 1, 100, 102);
    }
    return value;
  }
}
