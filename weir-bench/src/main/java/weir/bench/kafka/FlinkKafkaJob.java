package weir.bench.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import weir.bench.foundation.CheckpointSettings;
import weir.bench.foundation.FlinkPipelines;
import weir.bench.kafka.KafkaBench.Event;
import weir.bench.kafka.KafkaBench.UserCount;
import weir.connectors.kafka.ValueFormat;

/**
 * The Kafka benchmark's job on Apache Flink 2.3.0 with Flink's Kafka connector, on the local
 * MiniCluster in this JVM ({@link FlinkPipelines#environment}): {@code KafkaSource} (read_committed,
 * from the earliest offsets, bounded by the latest offsets at start) → the JSON parse of Weir's job
 * ({@link ValueFormat#json}) → keyBy user → running count → {@code KafkaSink} exactly once, with a
 * checkpoint as {@code checkpoints} say (the sink commits its transactions on checkpoints).
 */
final class FlinkKafkaJob {
  private FlinkKafkaJob() {}

  /** Runs the job to its end: every record read, counted, written and committed. */
  static void run(String servers, String topic, String name, int parallelism, CheckpointSettings checkpoints)
      throws Exception {
    StreamExecutionEnvironment env = FlinkPipelines.environment(parallelism, checkpoints);
    KafkaSource<Event> source = KafkaSource.<Event>builder()
        .setBootstrapServers(servers)
        .setTopics("in")
        .setGroupId(name)
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest())
        .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
        .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(new JsonEvents()))
        .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "in")
        .map(e -> new UserCount(e.user(), 1))
        .keyBy(UserCount::user)
        .reduce((acc, uc) -> new UserCount(acc.user(), acc.count() + uc.count()))
        .map(uc -> uc.user() + "," + uc.count())
        .sinkTo(KafkaSink.<String>builder()
            .setBootstrapServers(servers)
            .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder()
                .setTopic(topic)
                .setKeySerializationSchema(
                    line -> line.substring(0, line.indexOf(',')).getBytes(StandardCharsets.UTF_8))
                .setValueSerializationSchema(new SimpleStringSchema())
                .build())
            .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
            .setTransactionalIdPrefix(name)
            // Flink's default of one hour is above the broker's transaction.max.timeout.ms (15
            // minutes), which the producer's start then fails on; Weir's sink uses 15 minutes.
            .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Long.toString(Duration.ofMinutes(15).toMillis()))
            .build());
    env.execute("kafka bench");
  }

  /** Weir's JSON format as a Flink schema, so that both engines parse with the same code. */
  private static final class JsonEvents implements DeserializationSchema<Event> {
    private static final long serialVersionUID = 1L;
    private final ValueFormat<Event> format = ValueFormat.json(Event.class);

    @Override
    public Event deserialize(byte[] message) throws IOException {
      try {
        return format.deserialize(message);
      } catch (IOException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("Cannot parse an event from " + message.length + " bytes", e);
      }
    }

    @Override
    public boolean isEndOfStream(Event next) {
      return false;
    }

    @Override
    public TypeInformation<Event> getProducedType() {
      return TypeInformation.of(Event.class);
    }
  }
}
