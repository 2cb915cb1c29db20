package weir.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static weir.connectors.kafka.KafkaBroker.bytes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import weir.api.typeinfo.TypeInfo;

/** A deserialization schema sees each record's key, headers, timestamp, topic, partition and offset as the broker has them. */
class KafkaDeserializationIT {
  /** What the schema saw of a record. */
  public record Seen(@Nullable String key, String value, String headers, long timestamp, String topic, int partition,
      long offset) {}

  @Test
  @Timeout(60)
  void when_records_are_read_then_the_schema_sees_their_metadata_and_a_null_result_drops_one() throws Exception {
    KafkaBroker.createTopic("deser-meta", 2);
    KafkaBroker.sendAll(List.of(
        new ProducerRecord<>("deser-meta", 0, 1_000L, bytes("k1"), bytes("a"),
            List.<Header>of(new RecordHeader("trace", bytes("t-1")), new RecordHeader("kind", bytes("x")))),
        new ProducerRecord<>("deser-meta", 0, 2_000L, null, bytes("drop")),
        new ProducerRecord<>("deser-meta", 0, 3_000L, bytes("k3"), bytes("c")),
        new ProducerRecord<>("deser-meta", 1, 4_000L, bytes("k4"), bytes("d"),
            List.<Header>of(new RecordHeader("trace", bytes("t-4"))))));

    List<Seen> seen = KafkaJobs.readToEnd(KafkaSource.<Seen>builder()
        .bootstrapServers(KafkaBroker.bootstrapServers())
        .topics("deser-meta")
        .bounded(OffsetsSpec.latest())
        .deserializer(new Capturing())
        .build(), 1);

    assertThat(seen).containsExactlyInAnyOrder(
        new Seen("k1", "a", "trace=t-1;kind=x;", 1_000L, "deser-meta", 0, 0),
        new Seen("k3", "c", "", 3_000L, "deser-meta", 0, 2),
        new Seen("k4", "d", "trace=t-4;", 4_000L, "deser-meta", 1, 0));
  }

  /** Keeps what it sees of each record; drops the value {@code drop}. */
  private static final class Capturing implements KafkaRecordDeserializationSchema<Seen> {
    @Override
    @Nullable
    public Seen deserialize(ConsumerRecord<byte[], byte[]> r) {
      String value = new String(r.value(), StandardCharsets.UTF_8);
      if (value.equals("drop")) {
        return null;
      }
      StringBuilder headers = new StringBuilder();
      for (Header h : r.headers()) {
        headers.append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8)).append(';');
      }
      String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
      return new Seen(key, value, headers.toString(), r.timestamp(), r.topic(), r.partition(), r.offset());
    }

    @Override
    public TypeInfo<Seen> getProducedType() {
      return TypeInfo.of(Seen.class);
    }
  }
}
