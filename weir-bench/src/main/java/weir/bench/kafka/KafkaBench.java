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
import javax.annotation.Nullable;
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
import weir.bench.foundation.CheckpointSettings;
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
 * its Kafka connector and Apache Flink 2.3.0 with Flink's ({@link FlinkKafkaJob}), both at the same
 * parallelism with a checkpoint every second, against the ceiling of a plain consumer/producer
 * loop in one thread that commits a transaction (with the consumed offsets) every 10,000 records.
 *
 * <p>The input topic is filled once; each run then runs the three on it, each into a fresh output
 * topic with its own consumer group and transactional ids, the loop first and Weir and Flink in
 * alternating order (A B, B A, ...). A run's time is from the start of the job to the end of
 * {@code execute()}, when every output record is written and committed; it includes each engine's
 * start-up. After each run the committed output is read back and checked: one record per input
 * record, and per user the counts 1..n. Prints one {@code RESULT} line per engine and run, then
 * the medians and the Weir/Flink ratio. Usage: {@code KafkaBench [records] [parallelism] [runs]}.
 */
public final class KafkaBench {
  private static final int PARTITIONS = 3;
  private static final int USERS = 10_000;
  private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

  private KafkaBench() {}

  /** The JSON of the input records. */
  public record Event(String user, long amount) {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
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
      createTopic(servers, "in");
      fill(servers, records);
      Map<String, Long> expected = expectedCounts(records);
      List<Double> plain = new ArrayList<>();
      List<Double> weir = new ArrayList<>();
      List<Double> flink = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        String suffix = "-" + run;
        double p = measure(servers, "plain-loop" + suffix, records, expected, () -> plainLoop(servers, records,
            "plain-loop" + suffix));
        plain.add(p);
        printResult("plain-loop", run, records, parallelism, p, p);
        for (int i = 0; i < 2; i++) {
          boolean weirNow = (run + i) % 2 == 1;
          String name = (weirNow ? "weir" : "flink") + suffix;
          CheckpointSettings checkpoints = CheckpointSettings.inTemporaryFolder(CHECKPOINT_INTERVAL);
          double r = measure(servers, name, records, expected, weirNow
              ? () -> weirJob(servers, name, parallelism, checkpoints)
              : () -> FlinkKafkaJob.run(servers, name, name, parallelism, checkpoints));
          checkpoints.deleteDirectory();
          (weirNow ? weir : flink).add(r);
          printResult(weirNow ? "weir" : "flink", run, records, parallelism, r, p);
        }
      }
      double weirMedian = median(weir);
      double flinkMedian = median(flink);
      System.out.printf("MEDIAN records=%d parallelism=%d runs=%d plain-loop=%.0f weir=%.0f flink=%.0f"
              + " weir/flink=%.2f weir/plain=%.2f flink/plain=%.2f%n", records, parallelism, runs, median(plain),
          weirMedian, flinkMedian, weirMedian / flinkMedian, weirMedian / median(plain), flinkMedian / median(plain));
    }
  }

  private static void printResult(String engine, int run, int records, int parallelism, double rate, double plain) {
    System.out.printf("RESULT engine=%s run=%d records=%d parallelism=%d records_per_s=%.0f ratio_to_plain=%.2f%n",
        engine, run, records, parallelism, rate, rate / plain);
  }

  /**
   * Runs {@code job}, which writes {@code topic}, and returns its records per second, after
   * checking what it committed.
   */
  private static double measure(String servers, String topic, int records, Map<String, Long> expected, Run job)
      throws Exception {
    createTopic(servers, topic);
    double rate = records / seconds(job);
    verify(servers, topic, records, expected);
    return rate;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static void createTopic(String servers, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
      admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
  }

  private static String user(int i) {
    return "u" + (i * 7919L % USERS);
  }

  private static Map<String, Long> expectedCounts(int records) {
    Map<String, Long> counts = new HashMap<>();
    for (int i = 0; i < records; i++) {
      counts.merge(user(i), 1L, Long::sum);
    }
    return counts;
  }

  /**
   * Reads the committed records of {@code topic} and fails unless there is one per input record
   * and each user's counts are 1..n, with n its number of input records: nothing lost, nothing
   * twice.
   */
  private static void verify(String servers, String topic, int records, Map<String, Long> expected) throws Exception {
    Map<String, Long> seen = new HashMap<>();
    Map<String, Long> highest = new HashMap<>();
    long total = 0;
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProps(servers, null))) {
      List<TopicPartition> parts = partitions(topic);
      c.assign(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
          String line = new String(r.value(), StandardCharsets.UTF_8);
          int comma = line.indexOf(',');
          String user = line.substring(0, comma);
          seen.merge(user, 1L, Long::sum);
          highest.merge(user, Long.parseLong(line.substring(comma + 1)), Math::max);
          total++;
        }
      }
    }
    if (total != records || !seen.equals(expected) || !highest.equals(expected)) {
      throw new IllegalStateException("Topic " + topic + ": expected " + records + " committed records, one per input"
          + " record, with each user's counts 1..n, but found " + total + " records, " + seen.size() + " users, and"
          + " counts that differ from the input for " + differing(expected, seen, highest) + " users");
    }
  }

  private static long differing(Map<String, Long> expected, Map<String, Long> seen, Map<String, Long> highest) {
    return expected.entrySet().stream()
        .filter(e -> !e.getValue().equals(seen.get(e.getKey())) || !e.getValue().equals(highest.get(e.getKey())))
        .count();
  }

  private static List<TopicPartition> partitions(String topic) {
    List<TopicPartition> parts = new ArrayList<>();
    for (int i = 0; i < PARTITIONS; i++) {
      parts.add(new TopicPartition(topic, i));
    }
    return parts;
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
            json.writeValueAsBytes(new Event(user(i), i % 100))));
      }
    }
  }

  /** The loop, reading with consumer group {@code name} and writing to the topic {@code name}. */
  private static void plainLoop(String servers, int records, String name) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Properties pp = producerProps(servers);
    pp.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, name);
    Map<String, Long> counts = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProps(servers, name));
        KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(pp)) {
      c.assign(partitions("in"));
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
          p.send(new ProducerRecord<>(name, user.getBytes(StandardCharsets.UTF_8),
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

  /**
   * The job on Weir, reading with consumer group {@code name} and writing to the topic {@code name}
   * with transactional ids prefixed {@code name}.
   */
  private static void weirJob(String servers, String name, int parallelism, CheckpointSettings checkpoints)
      throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.enableCheckpointing(checkpoints.interval());
    env.getCheckpointConfig().setCheckpointDirectory(checkpoints.directory());
    KafkaSource<Event> source = KafkaSource.<Event>builder()
        .bootstrapServers(servers)
        .topics("in")
        .groupId(name)
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
                .topic(name)
                .valueFormat(ValueFormat.string())
                .key(line -> line.substring(0, line.indexOf(',')), ValueFormat.string())
                .build())
            .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
            .transactionalIdPrefix(name)
            .build());
    env.execute("kafka bench");
  }

  /** A user and a running count. */
  public record UserCount(String user, long count) {}

  /** A read_committed consumer of bytes, in consumer group {@code group} if not null, from the earliest offsets. */
  private static Properties consumerProps(String servers, @Nullable String group) {
    Properties cp = new Properties();
    cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    if (group != null) {
      cp.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return cp;
  }

  private static Properties producerProps(String servers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return p;
  }
}
