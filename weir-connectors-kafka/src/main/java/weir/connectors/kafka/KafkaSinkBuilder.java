package weir.connectors.kafka;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import weir.api.annotation.Public;

/**
 * Builds a {@link KafkaSink}. Required: {@link #bootstrapServers} and {@link #recordSerializer};
 * for exactly once also {@link #transactionalIdPrefix}. Defaults: at least once, a pool of 5
 * transactional ids per subtask, a transaction timeout of 15 minutes (the broker's default
 * {@code transaction.max.timeout.ms}).
 *
 * @param <T> the type of the records
 * @since 0.1
 */
@Public
public final class KafkaSinkBuilder<T> {
  private final Properties properties = new Properties();
  private KafkaRecordSerializationSchema<T> serializer;
  private DeliveryGuarantee guarantee = DeliveryGuarantee.AT_LEAST_ONCE;
  private String transactionalIdPrefix;
  private int poolSize = 5;
  private Duration transactionTimeout = Duration.ofMinutes(15);

  KafkaSinkBuilder() {}

  /** The brokers to connect to first, as {@code host:port[,host:port...]}. */
  public KafkaSinkBuilder<T> bootstrapServers(String servers) {
    properties.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    return this;
  }

  /** Turns records into Kafka records. */
  public KafkaSinkBuilder<T> recordSerializer(KafkaRecordSerializationSchema<T> serializer) {
    this.serializer = serializer;
    return this;
  }

  /** At least once (the default) or exactly once. */
  public KafkaSinkBuilder<T> deliveryGuarantee(DeliveryGuarantee guarantee) {
    this.guarantee = Objects.requireNonNull(guarantee, "delivery guarantee");
    return this;
  }

  /** The start of the transactional ids, unique per job and sink: two sinks sharing it fence each other. */
  public KafkaSinkBuilder<T> transactionalIdPrefix(String prefix) {
    this.transactionalIdPrefix = prefix;
    return this;
  }

  /** How many transactional ids each subtask rotates through; more than the checkpoints that may await their commit at once. */
  public KafkaSinkBuilder<T> transactionalIdPoolSize(int size) {
    if (size < 2) {
      throw new IllegalArgumentException("The transactional id pool needs at least 2 ids (one written, one "
          + "committing), but got " + size);
    }
    this.poolSize = size;
    return this;
  }

  /** How long the broker keeps a transaction open before aborting it; at least twice the checkpoint interval. */
  public KafkaSinkBuilder<T> transactionTimeout(Duration timeout) {
    if (timeout.toMillis() <= 0) {
      throw new IllegalArgumentException("The transaction timeout must be positive, but got " + timeout);
    }
    this.transactionTimeout = timeout;
    return this;
  }

  /** Sets a producer property (see Kafka's {@code ProducerConfig}). */
  public KafkaSinkBuilder<T> property(String key, String value) {
    properties.setProperty(key, value);
    return this;
  }

  /** The sink; fails naming what is missing. */
  public KafkaSink<T> build() {
    KafkaConfigs.checkBootstrapServers(properties.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG), "Kafka sink");
    if (serializer == null) {
      throw new IllegalArgumentException("The Kafka sink needs recordSerializer(KafkaRecordSerializationSchema"
          + ".builder().topic(\"out\").valueFormat(ValueFormat.string()).build())");
    }
    if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && (transactionalIdPrefix == null || transactionalIdPrefix.isBlank())) {
      throw new IllegalArgumentException("The exactly-once Kafka sink to topic '" + serializer.topic() + "' needs "
          + "transactionalIdPrefix(\"...\"), unique per job and sink");
    }
    if (properties.containsKey(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)) {
      throw new IllegalArgumentException("Set the Kafka sink's transaction timeout with transactionTimeout(Duration), "
          + "not the property " + ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
    }
    Properties p = new Properties();
    p.putAll(properties);
    return new KafkaSink<>(p, serializer, guarantee, transactionalIdPrefix, poolSize, transactionTimeout);
  }
}
