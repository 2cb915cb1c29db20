package weir.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import weir.api.datastream.DataStream;
import weir.api.datastream.OutputTag;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.testing.CollectingSink;

/** Records of {@code in} that are not JSON go to the dead letters with their offset and error; good ones are unaffected. */
class KafkaDeadLetterIT {
  private static final OutputTag<KafkaDeadLetter> DEAD = OutputTag.of("dead-letters", KafkaDeadLetter.class);

  /** The JSON of the good records. */
  public record Item(int id, String name) {}

  @Test
  @Timeout(60)
  void when_records_do_not_deserialize_then_they_go_to_the_dead_letters_and_good_ones_to_the_stream() throws Exception {
    String servers = KafkaBroker.bootstrapServers();
    KafkaBroker.createTopic("dlq-in", 1);
    String[] values = {"{\"id\":1,\"name\":\"a\"}", "not json", "{\"id\":2,\"name\":\"b\"}", "{\"id\":", "{\"id\":3,\"name\":\"c\"}"};
    for (String v : values) {
      KafkaBroker.send("dlq-in", 0, null, v.getBytes(StandardCharsets.UTF_8));
    }
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    KafkaSource<Item> source = source(servers, "dlq-in").deadLetters(DEAD).build();
    try (CollectingSink<Item> good = CollectingSink.create(); CollectingSink<KafkaDeadLetter> dead = CollectingSink.create()) {
      DataStream<Item> items = env.fromSource(source, WatermarkStrategy.noWatermarks(), source.getProducedType(), "in");
      items.sinkTo(good);
      items.getSideOutput(DEAD).sinkTo(dead);
      env.execute("dead letters");

      assertThat(good.records()).containsExactly(new Item(1, "a"), new Item(2, "b"), new Item(3, "c"));
      assertThat(dead.records()).extracting(KafkaDeadLetter::topic, KafkaDeadLetter::partition, KafkaDeadLetter::offset)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("dlq-in", 0, 1L), org.assertj.core.groups.Tuple.tuple("dlq-in", 0, 3L));
      assertThat(dead.records()).allSatisfy(d -> assertThat(d.error()).contains("jackson"));
      assertThat(new String(dead.records().get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not json");
    }
  }

  @Test
  @Timeout(60)
  void when_no_dead_letters_are_configured_then_a_bad_record_fails_the_job_naming_its_offset() throws Exception {
    String servers = KafkaBroker.bootstrapServers();
    KafkaBroker.createTopic("dlq-fail", 1);
    KafkaBroker.send("dlq-fail", 0, null, "{\"id\":1,\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8));
    KafkaBroker.send("dlq-fail", 0, null, "broken".getBytes(StandardCharsets.UTF_8));
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    KafkaSource<Item> source = source(servers, "dlq-fail").build();
    try (CollectingSink<Item> good = CollectingSink.create()) {
      env.fromSource(source, WatermarkStrategy.noWatermarks(), source.getProducedType(), "in").sinkTo(good);
      assertThatThrownBy(() -> env.execute("no dead letters"))
          .hasStackTraceContaining("offset 1 of dlq-fail-0").hasStackTraceContaining("deadLetters(tag)");
    }
  }

  @Test
  @Timeout(60)
  void when_a_topic_does_not_exist_then_the_job_fails_naming_it() throws Exception {
    String servers = KafkaBroker.bootstrapServers();
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    KafkaSource<Item> source = source(servers, "no-such-topic").build();
    try (CollectingSink<Item> good = CollectingSink.create()) {
      env.fromSource(source, WatermarkStrategy.noWatermarks(), source.getProducedType(), "in").sinkTo(good);
      assertThatThrownBy(() -> env.execute("missing topic"))
          .hasStackTraceContaining("'no-such-topic', which does not exist");
    }
  }

  private static KafkaSourceBuilder<Item> source(String servers, String topic) {
    return KafkaSource.<Item>builder()
        .bootstrapServers(servers)
        .topics(topic)
        .bounded(OffsetsSpec.latest())
        .deserializer(KafkaRecordDeserializationSchema.valueOnly(ValueFormat.json(Item.class)));
  }
}
