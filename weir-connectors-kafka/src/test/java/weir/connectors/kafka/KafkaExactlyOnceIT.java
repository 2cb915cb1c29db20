package weir.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import weir.api.checkpoint.RestartStrategy;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.testing.faults.FailureInjector;

/**
 * A job copies topic {@code in} (3 partitions) through a keyed running count to topic {@code out}
 * exactly once while it is killed over and over, modelled on Kafka's own transactions system
 * test: a read_committed consumer must see exactly the reference output, and a read_committed
 * consumer reading while the job fails and restarts must never see aborted data.
 *
 * <h3>Design of this test</h3>
 * 100,000 records, as in Kafka's test, and 100 keys; a checkpoint every 30 ms, so each subtask's
 * transactions hold a few thousand records at most (the job takes about 30 checkpoints). A {@link FailureInjector} chained before the sink fails
 * 22 attempts: while processing a record, while snapshotting (between the pre-commit of the
 * transactions and the checkpoint's completion) and when the checkpoint completed but before the
 * sink commits (so the commit happens after the restore, by resuming the transaction). The
 * source is bounded at the offsets of {@code in} when the job starts, so the job ends.
 */
class KafkaExactlyOnceIT {
  private static final int RECORDS = 100_000;
  private static final int KEYS = 100;
  private static final int FAILURES = 22;

  @Test
  @Timeout(150)
  void when_the_job_fails_repeatedly_then_read_committed_consumers_see_each_output_once_and_nothing_aborted(
      @TempDir Path dir) throws Exception {
    String servers = KafkaBroker.bootstrapServers();
    KafkaBroker.createTopic("in", 3);
    KafkaBroker.createTopic("out", 3);
    try (KafkaProducer<byte[], byte[]> p = KafkaBroker.producer()) {
      for (int i = 0; i < RECORDS; i++) {
        p.send(new ProducerRecord<>("in", i % 3, null, ("k" + (i % KEYS)).getBytes(StandardCharsets.UTF_8)));
      }
    }
    List<String> expected = new ArrayList<>();
    int[] perKey = new int[KEYS];
    for (int i = 0; i < RECORDS; i++) {
      int k = i % KEYS;
      expected.add("k" + k + "," + ++perKey[k]);
    }
    Collections.sort(expected);

    List<String> concurrent = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    Thread reader = new Thread(() -> readConcurrently(concurrent, stop), "concurrent-read-committed");
    reader.start();

    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    env.enableCheckpointing(Duration.ofMillis(30));
    env.getCheckpointConfig().setCheckpointDirectory(dir.resolve("checkpoints"));
    env.setRestartStrategy(RestartStrategy.fixedDelay(FAILURES + 5, Duration.ZERO));
    KafkaSource<String> source = KafkaSource.<String>builder()
        .bootstrapServers(servers)
        .topics("in")
        .groupId("copy-job")
        .bounded(OffsetsSpec.latest())
        .deserializer(KafkaRecordDeserializationSchema.valueOnly(ValueFormat.string()))
        .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), source.getProducedType(), "in")
        .map(key -> new KeyCount(key, 1))
        .keyBy(KeyCount::key)
        .sum("count")
        .map(kc -> kc.key() + "," + kc.count())
        .map(new FailureInjector<String>(1, FAILURES, RECORDS / 24,
            EnumSet.of(FailureInjector.Point.RECORD, FailureInjector.Point.SNAPSHOT, FailureInjector.Point.COMMIT)))
        .sinkTo(KafkaSink.<String>builder()
            .bootstrapServers(servers)
            .recordSerializer(KafkaRecordSerializationSchema.<String>builder()
                .topic("out")
                .valueFormat(ValueFormat.string())
                .key(line -> line.substring(0, line.indexOf(',')), ValueFormat.string())
                .build())
            .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
            .transactionalIdPrefix("copy-job")
            .transactionTimeout(Duration.ofSeconds(60))
            .build());
    long injected = env.execute("kafka copy").getCounter(FailureInjector.FAILURES);

    List<String> committed = KafkaBroker.values(KafkaBroker.readAllCommitted("out"));
    Collections.sort(committed);
    assertThat(injected).isGreaterThanOrEqualTo(20);
    assertThat(committed).hasSize(RECORDS).isEqualTo(expected);

    await().atMost(Duration.ofSeconds(30)).until(() -> concurrent.size() >= RECORDS);
    stop.set(true);
    reader.join();
    List<String> seen = new ArrayList<>(concurrent);
    Collections.sort(seen);
    assertThat(seen).as("what a read_committed consumer saw while the job failed and restarted").isEqualTo(expected);
  }

  /** Reads {@code out} read_committed from the start until told to stop. */
  private static void readConcurrently(List<String> into, AtomicBoolean stop) {
    try (KafkaConsumer<byte[], byte[]> c = KafkaBroker.readCommittedConsumer()) {
      List<TopicPartition> parts = List.of(new TopicPartition("out", 0), new TopicPartition("out", 1),
          new TopicPartition("out", 2));
      c.assign(parts);
      c.seekToBeginning(parts);
      while (!stop.get()) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
          into.add(new String(r.value(), StandardCharsets.UTF_8));
        }
      }
    } catch (Exception e) {
      into.add("reader failed: " + e);
    }
  }

  /** A key and its running count. */
  public record KeyCount(String key, long count) {}
}
