package weir.bench.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.connectors.kafka.DeliveryGuarantee;
import weir.connectors.kafka.KafkaRecordDeserializationSchema;
import weir.connectors.kafka.KafkaRecordSerializationSchema;
import weir.connectors.kafka.KafkaSink;
import weir.connectors.kafka.KafkaSource;
import weir.connectors.kafka.OffsetsSpec;
import weir.connectors.kafka.ValueFormat;

/**
 * Kafka → parse JSON, count per user → Kafka, exactly once, on an in-process broker: Weir with
 * the Kafka connector (checkpoint every second) against the ceiling of a plain consumer/producer
 * loop in one thread that commits a transaction (with the consumed offsets) every 10,000 records.
 * Prints one {@code RESULT} line per engine. Usage: {@code KafkaBench [records] [parallelism]}.
 */
public final class KafkaBench {
  private static final int PARTITIONS = 3;
  private static final int USERS = 10_000;

  private KafkaBench() {}

  /** The JSON of the input records. */
  public record Event(String user, long amount) {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path logs = Files.createTempDirectory("kafka-bench");
    try (KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(
        new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .build()) {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      String servers = cluster.bootstrapServers();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
        admin.createTopics(List.of(new NewTopic("in", PARTITIONS, (short) 1), new NewTopic("out-plain", PARTITIONS,
            (short) 1), new NewTopic("out-weir", PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
      }
      fill(servers, records);
      double plain = records / seconds(() -> plainLoop(servers, records));
      System.out.printf("RESULT engine=plain-loop records=%d records_per_s=%.0f%n", records, plain);
      double weir = records / seconds(() -> weirJob(servers, parallelism));
      System.out.printf("RESULT engine=weir records=%d parallelism=%d records_per_s=%.0f ratio_to_plain=%.2f%n",
          records, parallelism, weir, weir / plain);
    }
  }

  private interface Run {
    void run() throws Exception;
  }

  private static double seconds(Run run) throws Exception {
    long start = System.nanoTime();
    run.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static void fill(String servers, int records) throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(producerProps(servers))) {
      for (int i = 0; i < records; i++) {
        p.send(new ProducerRecord<>("in", i % PARTITIONS, null,
            json.writeValueAsBytes(new Event("u" + (i * 7919L % USERS), i % 100))));
      }
    }
  }

  private static void plainLoop(String servers, int records) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Properties pp = producerProps(servers);
    pp.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "plain-loop");
    Properties cp = new Properties();
    cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    cp.put(ConsumerConfig.GROUP_ID_CONFIG, "plain-loop");
    cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    Map<String, Long> counts = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(cp); KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(pp)) {
      List<TopicPartition> parts = new ArrayList<>();
      for (int i = 0; i < PARTITIONS; i++) {
        parts.add(new TopicPartition("in", i));
      }
      c.assign(parts);
      p.initTransactions();
      p.beginTransaction();
      int done = 0;
      int inTxn = 0;
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      while (done < records) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
          JsonNode e = json.readTree(r.value());
          String user = e.get("user").asText();
          long n = counts.merge(user, 1L, Long::sum);
          p.send(new ProducerRecord<>("out-plain", user.getBytes(StandardCharsets.UTF_8),
              (user + "," + n).getBytes(StandardCharsets.UTF_8)));
          offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
          done++;
          if (++inTxn == 10_000 || done == records) {
            p.sendOffsetsToTransaction(offsets, c.groupMetadata());
            p.commitTransaction();
            p.beginTransaction();
            inTxn = 0;
          }
        }
      }
      p.abortTransaction();
    }
  }

  private static void weirJob(String servers, int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.enableCheckpointing(Duration.ofSeconds(1));
    env.getCheckpointConfig().setCheckpointDirectory(Files.createTempDirectory("kafka-bench-checkpoints"));
    KafkaSource<Event> source = KafkaSource.<Event>builder()
        .bootstrapServers(servers)
        .topics("in")
        .groupId("weir")
        .bounded(OffsetsSpec.latest())
        .deserializer(KafkaRecordDeserializationSchema.valueOnly(ValueFormat.json(Event.class)))
        .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), source.getProducedType(), "in")
        .map(e -> new UserCount(e.user(), 1))
        .keyBy(UserCount::user)
        .sum("count")
        .map(uc -> uc.user() + "," + uc.count())
        .sinkTo(KafkaSink.<String>builder()
            .bootstrapServers(servers)
            .recordSerializer(KafkaRecordSerializationSchema.<String>builder()
                .topic("out-weir")
                .valueFormat(ValueFormat.string())
                .key(line -> line.substring(0, line.indexOf(',')), ValueFormat.string())
                .build())
            .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
            .transactionalIdPrefix("weir-bench")
            .build());
    env.execute("kafka bench");
  }

  /** A user and a running count. */
  public record UserCount(String user, long count) {}

  private static Properties producerProps(String servers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return p;
  }
}
