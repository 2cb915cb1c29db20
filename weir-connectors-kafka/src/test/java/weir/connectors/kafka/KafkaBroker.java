package weir.connectors.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** One in-process KRaft broker for all tests of the JVM, started on first use, with helpers to fill and read topics. */
final class KafkaBroker {
  private static KafkaClusterTestKit cluster;

  private KafkaBroker() {}

  static synchronized String bootstrapServers() throws Exception {
    if (cluster == null) {
      KafkaClusterTestKit c = new KafkaClusterTestKit.Builder(
          new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
          .setConfigProp("offsets.topic.replication.factor", "1")
          .setConfigProp("offsets.topic.num.partitions", "1")
          .setConfigProp("transaction.state.log.replication.factor", "1")
          .setConfigProp("transaction.state.log.num.partitions", "3")
          .setConfigProp("transaction.state.log.min.isr", "1")
          .setConfigProp("group.initial.rebalance.delay.ms", "0")
          .build();
      c.format();
      c.startup();
      c.waitForReadyBrokers();
      cluster = c;
    }
    return cluster.bootstrapServers();
  }

  /**
   * Stops the broker, if one was started. Called when the test run ends, before the JVM's shutdown
   * hooks run: the test kit deletes its log folders in a hook of its own, and a broker still
   * running then sees its log folder vanish and halts the JVM.
   */
  static synchronized void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }

  static void createTopic(String name, int partitions) throws Exception {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Creates a topic with one partition per count and fills partition i with {@code counts[i]}
   * records as {@link #fill} does; returns their values.
   */
  static List<String> createFilledTopic(String name, int... counts) throws Exception {
    createTopic(name, counts.length);
    List<String> values = new ArrayList<>();
    for (int p = 0; p < counts.length; p++) {
      values.addAll(fill(name, p, 0, counts[p]));
    }
    return values;
  }

  /** An admin client of the broker; the caller closes it. */
  static Admin admin() throws Exception {
    return Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
  }

  /** Sends the string values {@code "<partition>:<i>"} for i in [from, to) to a partition; returns them. */
  static List<String> fill(String topic, int partition, int from, int to) throws Exception {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String v = partition + ":" + i;
      values.add(v);
      records.add(new ProducerRecord<>(topic, partition, null, bytes(v)));
    }
    sendAll(records);
    return values;
  }

  /** Sends records through one producer and waits until the broker acknowledged each of them. */
  static void sendAll(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
    try (KafkaProducer<byte[], byte[]> p = producer()) {
      List<Future<RecordMetadata>> acks = new ArrayList<>();
      records.forEach(r -> acks.add(p.send(r)));
      for (Future<RecordMetadata> ack : acks) {
        ack.get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** The offsets consumer group {@code group} committed, by partition; empty when it has none. */
  static Map<TopicPartition, Long> committedOffsets(String group) throws Exception {
    try (Admin admin = admin()) {
      Map<TopicPartition, Long> result = new HashMap<>();
      admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
          .forEach((tp, o) -> result.put(tp, o.offset()));
      return result;
    }
  }

  static KafkaProducer<byte[], byte[]> producer() throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return new KafkaProducer<>(p);
  }

  static void send(String topic, int partition, byte[] key, byte[] value) throws Exception {
    try (KafkaProducer<byte[], byte[]> p = producer()) {
      p.send(new ProducerRecord<>(topic, partition, key, value)).get();
    }
  }

  static KafkaConsumer<byte[], byte[]> readCommittedConsumer() throws Exception {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(p);
  }

  /** Everything committed in {@code topic} now: reads each partition up to its end offset (read_committed: the last stable offset). */
  static List<ConsumerRecord<byte[], byte[]>> readAllCommitted(String topic) throws Exception {
    try (KafkaConsumer<byte[], byte[]> c = readCommittedConsumer()) {
      List<TopicPartition> parts = new ArrayList<>();
      c.partitionsFor(topic).forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(parts));
      List<ConsumerRecord<byte[], byte[]>> result = new ArrayList<>();
      while (!reached(c, end, Set.copyOf(parts))) {
        c.poll(Duration.ofMillis(100)).forEach(result::add);
      }
      return result;
    }
  }

  /** {@code s} in UTF-8. */
  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The values of {@code records} as UTF-8 strings, in order. */
  static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
    List<String> result = new ArrayList<>();
    records.forEach(r -> result.add(new String(r.value(), StandardCharsets.UTF_8)));
    return result;
  }

  private static boolean reached(KafkaConsumer<?, ?> c, Map<TopicPartition, Long> end, Set<TopicPartition> parts) {
    for (TopicPartition tp : parts) {
      if (c.position(tp) < end.get(tp)) {
        return false;
      }
    }
    return true;
  }
}
