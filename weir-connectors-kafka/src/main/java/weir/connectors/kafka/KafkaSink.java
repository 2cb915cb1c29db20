package weir.connectors.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import weir.api.annotation.Public;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.sink.Committer;
import weir.api.connector.sink.CommitterInitContext;
import weir.api.connector.sink.Sink;
import weir.api.connector.sink.SinkWriter;
import weir.api.connector.sink.SupportsCommitter;
import weir.api.connector.sink.WriterInitContext;

/**
 * Writes records to Kafka, at least once or exactly once ({@link DeliveryGuarantee}). Build one
 * with {@link #builder()}:
 *
 * <pre>{@code
 * stream.sinkTo(KafkaSink.<String>builder()
 *     .bootstrapServers("localhost:9092")
 *     .recordSerializer(KafkaRecordSerializationSchema.<String>builder()
 *         .topic("out").valueFormat(ValueFormat.string()).build())
 *     .deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
 *     .transactionalIdPrefix("my-job")
 *     .build());
 * }</pre>
 *
 * <h3>Exactly once</h3>
 * Each subtask writes into a Kafka transaction. When a checkpoint's barrier arrives it flushes
 * the transaction (pre-commit) and hands its producer id and epoch to the checkpoint; when the
 * checkpoint completes, the committer commits it. The transactional ids come from a pool per
 * subtask, {@code prefix-subtask-slot} with {@code slot} in {@code [0, poolSize)}, taken round
 * robin, skipping ids whose transaction still waits for its commit. On its first write a writer
 * initializes every id of its pool, which aborts transactions that earlier attempts left open
 * (after the restored transactions were committed). The transaction timeout must be at least
 * twice the checkpoint interval, which the writer checks at start. A transaction that cannot be
 * committed fails the job.
 *
 * @param <T> the type of the records
 * @since 0.1
 */
@Public
public final class KafkaSink<T> implements Sink<T>, SupportsCommitter<KafkaCommittable> {
  private static final long serialVersionUID = 1L;

  final Properties properties;
  final KafkaRecordSerializationSchema<T> serializer;
  final DeliveryGuarantee guarantee;
  final String transactionalIdPrefix;
  final int poolSize;
  final Duration transactionTimeout;

  KafkaSink(Properties properties, KafkaRecordSerializationSchema<T> serializer, DeliveryGuarantee guarantee,
      String transactionalIdPrefix, int poolSize, Duration transactionTimeout) {
    this.properties = properties;
    this.serializer = serializer;
    this.guarantee = guarantee;
    this.transactionalIdPrefix = transactionalIdPrefix;
    this.poolSize = poolSize;
    this.transactionTimeout = transactionTimeout;
  }

  /** A builder; see the class description. */
  public static <T> KafkaSinkBuilder<T> builder() {
    return new KafkaSinkBuilder<>();
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    return new KafkaWriter<>(this, context);
  }

  @Override
  public Committer<KafkaCommittable> createCommitter(CommitterInitContext context) {
    return new KafkaCommitter(properties);
  }

  @Override
  public SimpleVersionedSerializer<KafkaCommittable> getCommittableSerializer() {
    return new KafkaCommittable.Serializer();
  }
}
