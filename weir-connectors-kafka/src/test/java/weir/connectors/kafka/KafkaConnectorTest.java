package weir.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Offsets specs, configuration checks, value formats and the checkpoint serializers, without a broker. */
class KafkaConnectorTest {
  /** A JSON value. */
  public record Point(int x, String label) {}

  @Test
  void when_parsing_offsets_specs_then_each_form_is_read_and_bad_text_is_named() {
    assertThat(OffsetsSpec.parse("earliest")).isEqualTo(OffsetsSpec.earliest());
    assertThat(OffsetsSpec.parse(" LATEST ")).isEqualTo(OffsetsSpec.latest());
    assertThat(OffsetsSpec.parse("timestamp:1700000000000")).isEqualTo(OffsetsSpec.timestamp(1_700_000_000_000L));
    assertThat(OffsetsSpec.parse("committed")).isEqualTo(OffsetsSpec.committed(OffsetsSpec.earliest()));
    assertThat(OffsetsSpec.parse("committed:latest")).isEqualTo(OffsetsSpec.committed(OffsetsSpec.latest()));
    assertThatThrownBy(() -> OffsetsSpec.parse("timestamp:yesterday"))
        .hasMessageContaining("'timestamp:yesterday' is not an offsets spec").hasMessageContaining("committed:latest");
    assertThatThrownBy(() -> OffsetsSpec.timestamp(-1)).hasMessageContaining("-1");
    assertThatThrownBy(() -> OffsetsSpec.committed(OffsetsSpec.timestamp(5))).hasMessageContaining("earliest() or latest()");
    assertThatThrownBy(() -> OffsetsSpec.specific(Map.of(new TopicPartition("t", 0), -3L), OffsetsSpec.earliest()))
        .hasMessageContaining("t-0");
  }

  @Test
  void when_building_a_source_with_missing_or_bad_settings_then_the_message_names_the_fix() {
    var deser = KafkaRecordDeserializationSchema.valueOnly(ValueFormat.string());
    assertThatThrownBy(() -> KafkaSource.<String>builder().topics("t").deserializer(deser).build())
        .hasMessageContaining("bootstrapServers(\"host:port\")");
    assertThatThrownBy(() -> KafkaSource.<String>builder().bootstrapServers("localhost").topics("t").deserializer(deser).build())
        .hasMessageContaining("'localhost'").hasMessageContaining("not host:port");
    assertThatThrownBy(() -> KafkaSource.<String>builder().bootstrapServers("h:1").deserializer(deser).build())
        .hasMessageContaining("topics(");
    assertThatThrownBy(() -> KafkaSource.<String>builder().bootstrapServers("h:1").topics("t").build())
        .hasMessageContaining("deserializer");
    assertThatThrownBy(() -> KafkaSource.<String>builder().bootstrapServers("h:1").topics("t").deserializer(deser)
        .startingOffsets(OffsetsSpec.committed(OffsetsSpec.earliest())).build())
        .hasMessageContaining("groupId");
  }

  @Test
  void when_building_a_sink_with_missing_settings_or_a_short_timeout_then_the_message_names_the_fix() {
    var schema = KafkaRecordSerializationSchema.<String>builder().topic("out").valueFormat(ValueFormat.string()).build();
    assertThatThrownBy(() -> KafkaSink.<String>builder().bootstrapServers("h:1").recordSerializer(schema)
        .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).build()).hasMessageContaining("transactionalIdPrefix");
    assertThatThrownBy(() -> KafkaSink.<String>builder().bootstrapServers("h:1").build())
        .hasMessageContaining("recordSerializer");
    assertThatThrownBy(() -> KafkaRecordSerializationSchema.<String>builder().valueFormat(ValueFormat.string()).build())
        .hasMessageContaining("topic(");
    assertThatThrownBy(() -> KafkaWriter.checkTimeout(Duration.ofSeconds(30), Optional.of(Duration.ofMinutes(1)), "out"))
        .hasMessageContaining("30000 ms").hasMessageContaining("checkpoint interval of 60000 ms")
        .hasMessageContaining("at least 120000 ms");
    KafkaWriter.checkTimeout(Duration.ofMinutes(2), Optional.of(Duration.ofMinutes(1)), "out");
    KafkaWriter.checkTimeout(Duration.ofSeconds(1), Optional.empty(), "out");
  }

  @Test
  void when_values_go_through_a_format_then_they_come_back_equal() throws Exception {
    ValueFormat<String> s = ValueFormat.string();
    assertThat(s.deserialize(s.serialize("grüße"))).isEqualTo("grüße");
    ValueFormat<byte[]> b = ValueFormat.bytes();
    assertThat(b.deserialize(b.serialize(new byte[] {1, 2, 3}))).containsExactly(1, 2, 3);
    ValueFormat<Point> j = ValueFormat.json(Point.class);
    assertThat(new String(j.serialize(new Point(3, "p")), StandardCharsets.UTF_8)).isEqualTo("{\"x\":3,\"label\":\"p\"}");
    assertThat(j.deserialize(j.serialize(new Point(3, "p")))).isEqualTo(new Point(3, "p"));
    assertThat(j.deserialize(null)).isNull();
    assertThatThrownBy(() -> j.deserialize("{".getBytes(StandardCharsets.UTF_8))).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void when_a_record_is_serialized_then_key_and_value_follow_the_schema() {
    var schema = KafkaRecordSerializationSchema.<Point>builder().topic("out").valueFormat(ValueFormat.json(Point.class))
        .key(Point::label, ValueFormat.string()).partitioner(KafkaPartitioner.fixed()).build();
    assertThat(schema.key(new Point(1, "k"))).isEqualTo("k".getBytes(StandardCharsets.UTF_8));
    assertThat(schema.partitioner().partition(new Point(1, "k"), null, new byte[0], 3, 4, 8)).isEqualTo(1);
  }

  @Test
  void when_checkpoint_state_is_serialized_then_it_round_trips_and_unknown_versions_are_refused() throws Exception {
    KafkaSplitSerializer splits = new KafkaSplitSerializer();
    KafkaPartitionSplit split = new KafkaPartitionSplit("topic.with-dots", 7, 42, KafkaPartitionSplit.NO_STOPPING_OFFSET);
    assertThat(splits.deserialize(1, splits.serialize(split))).isEqualTo(split);
    assertThatThrownBy(() -> splits.deserialize(2, splits.serialize(split))).hasMessageContaining("version 2");

    KafkaEnumeratorStateSerializer state = new KafkaEnumeratorStateSerializer();
    Set<TopicPartition> assigned = new LinkedHashSet<>(Set.of(new TopicPartition("a", 0), new TopicPartition("b", 2)));
    assertThat(state.deserialize(1, state.serialize(assigned))).isEqualTo(assigned);

    KafkaCommittable.Serializer committables = new KafkaCommittable.Serializer();
    KafkaCommittable c = new KafkaCommittable("job-0-3", 123_456_789L, (short) 7);
    assertThat(committables.deserialize(1, committables.serialize(c))).isEqualTo(c);
  }

  @Test
  void when_partitions_are_spread_then_the_partitions_of_a_topic_go_round_robin() {
    Set<Integer> owners = new java.util.HashSet<>();
    for (int p = 0; p < 3; p++) {
      owners.add(KafkaSourceEnumerator.owner(new TopicPartition("in", p), 3));
    }
    assertThat(owners).containsExactlyInAnyOrder(0, 1, 2);
  }
}
