package weir.connectors.kafka;

import java.io.Serializable;
import javax.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import weir.api.annotation.Public;
import weir.api.typeinfo.TypeInfo;

/**
 * Turns a Kafka record into a record of the stream, with access to its key, headers, timestamp,
 * topic, partition and offset. A record it throws for goes to the source's dead letters, or fails
 * the job (see {@link KafkaSourceBuilder#deadLetters}); it is never skipped silently. Returning
 * {@code null} drops the record on purpose.
 *
 * @param <T> the type of the stream's records
 * @since 0.1
 */
@Public
public interface KafkaRecordDeserializationSchema<T> extends Serializable {
  /**
   * The stream's record for {@code record}, or {@code null} to drop it on purpose.
   *
   * @throws Exception when the record cannot be read
   */
  @Nullable
  T deserialize(ConsumerRecord<byte[], byte[]> record) throws Exception;

  /** The type of the stream's records. */
  TypeInfo<T> getProducedType();

  /** Reads only the value, in {@code format}; a null value (a tombstone) is dropped. */
  static <T> KafkaRecordDeserializationSchema<T> valueOnly(ValueFormat<T> format) {
    return new ValueOnly<>(format);
  }

  /** See {@link #valueOnly}. */
  record ValueOnly<T>(ValueFormat<T> format) implements KafkaRecordDeserializationSchema<T> {
    @Override
    public T deserialize(ConsumerRecord<byte[], byte[]> record) throws Exception {
      return format.deserialize(record.value());
    }

    @Override
    public TypeInfo<T> getProducedType() {
      return format.type();
    }
  }
}
