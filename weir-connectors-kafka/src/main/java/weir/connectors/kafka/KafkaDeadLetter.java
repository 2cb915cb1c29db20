package weir.connectors.kafka;

import java.util.Arrays;
import javax.annotation.Nullable;
import weir.api.annotation.Public;

/**
 * A Kafka record that the source's deserialization schema rejected, with where it was read and
 * why it was rejected. The source emits dead letters to the side output given to {@link
 * KafkaSourceBuilder#deadLetters}; read them with {@code stream.getSideOutput(tag)}.
 *
 * @param topic the record's topic
 * @param partition its partition
 * @param offset its offset
 * @param timestamp its Kafka timestamp (milliseconds since the epoch)
 * @param key its key bytes, or {@code null}
 * @param value its value bytes, or {@code null}
 * @param error the exception's class and message
 * @since 0.1
 */
@Public
public record KafkaDeadLetter(String topic, int partition, long offset, long timestamp, @Nullable byte[] key,
    @Nullable byte[] value, String error) {

  @Override
  public boolean equals(Object o) {
    return o instanceof KafkaDeadLetter d && topic.equals(d.topic) && partition == d.partition && offset == d.offset
        && timestamp == d.timestamp && Arrays.equals(key, d.key) && Arrays.equals(value, d.value)
        && error.equals(d.error);
  }

  @Override
  public int hashCode() {
    return (topic.hashCode() * 31 + partition) * 31 + Long.hashCode(offset);
  }

  @Override
  public String toString() {
    return "KafkaDeadLetter[" + topic + "-" + partition + "@" + offset + ": " + error + "]";
  }
}
