package weir.connectors.kafka;

import java.io.Serializable;
import java.util.Objects;
import javax.annotation.Nullable;
import weir.api.annotation.Public;

/**
 * Turns a record of the stream into a Kafka record for {@link KafkaSink}: the topic, the value
 * and key bytes, and the partitioner. Build one with {@link #builder()}.
 *
 * @param <T> the type of the records
 * @since 0.1
 */
@Public
public final class KafkaRecordSerializationSchema<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Reads a key from a record. */
  @FunctionalInterface
  public interface KeyExtractor<T, K> extends Serializable {
    /** The key of {@code record}, or {@code null} for none. */
    @Nullable
    K key(T record);
  }

  private final String topic;
  private final ValueFormat<T> valueFormat;
  @Nullable private final KeyExtractor<T, ?> keyExtractor;
  @Nullable private final ValueFormat<Object> keyFormat;
  @Nullable private final KafkaPartitioner<T> partitioner;

  @SuppressWarnings("unchecked")
  private KafkaRecordSerializationSchema(Builder<T> b) {
    this.topic = b.topic;
    this.valueFormat = b.valueFormat;
    this.keyExtractor = b.keyExtractor;
    this.keyFormat = (ValueFormat<Object>) b.keyFormat;
    this.partitioner = b.partitioner;
  }

  /** A builder: {@link Builder#topic} and {@link Builder#valueFormat} are required. */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** The target topic. */
  public String topic() {
    return topic;
  }

  /** The value bytes of {@code record}. */
  public byte[] value(T record) {
    return valueFormat.serialize(record);
  }

  /** The key bytes of {@code record}, or {@code null} without a key. */
  @Nullable
  public byte[] key(T record) {
    if (keyExtractor == null) {
      return null;
    }
    Object key = keyExtractor.key(record);
    return key == null ? null : keyFormat.serialize(key);
  }

  /** The partitioner, or {@code null} to let the producer choose. */
  @Nullable
  public KafkaPartitioner<T> partitioner() {
    return partitioner;
  }

  /** Builds a {@link KafkaRecordSerializationSchema}. */
  public static final class Builder<T> {
    private String topic;
    private ValueFormat<T> valueFormat;
    private KeyExtractor<T, ?> keyExtractor;
    private ValueFormat<?> keyFormat;
    private KafkaPartitioner<T> partitioner;

    private Builder() {}

    /** The topic every record goes to. */
    public Builder<T> topic(String topic) {
      this.topic = topic;
      return this;
    }

    /** How values are written: {@link ValueFormat#string()}, {@link ValueFormat#json}, {@link ValueFormat#bytes()}. */
    public Builder<T> valueFormat(ValueFormat<T> format) {
      this.valueFormat = format;
      return this;
    }

    /** Writes a key: {@code extractor}'s key of each record in {@code format}. */
    public <K> Builder<T> key(KeyExtractor<T, K> extractor, ValueFormat<K> format) {
      this.keyExtractor = Objects.requireNonNull(extractor, "key extractor");
      this.keyFormat = Objects.requireNonNull(format, "key format");
      return this;
    }

    /** Chooses partitions with {@code partitioner} instead of the producer's default. */
    public Builder<T> partitioner(KafkaPartitioner<T> partitioner) {
      this.partitioner = partitioner;
      return this;
    }

    /** The schema; fails naming what is missing. */
    public KafkaRecordSerializationSchema<T> build() {
      if (topic == null || topic.isBlank()) {
        throw new IllegalArgumentException("The Kafka record serialization schema needs a topic: call topic(\"name\")");
      }
      if (valueFormat == null) {
        throw new IllegalArgumentException("The Kafka record serialization schema for topic '" + topic
            + "' needs a value format: call valueFormat(ValueFormat.string()), json(Class) or bytes()");
      }
      return new KafkaRecordSerializationSchema<>(this);
    }
  }
}
