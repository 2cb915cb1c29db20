package weir.connectors.kafka;

import java.io.Serializable;
import javax.annotation.Nullable;
import weir.api.annotation.Public;

/**
 * Chooses the partition a record of {@link KafkaSink} goes to. Without one, Kafka's producer
 * chooses: by the hash of the key, or sticky batches for records without a key.
 *
 * @param <T> the type of the records
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface KafkaPartitioner<T> extends Serializable {
  /**
   * The partition of {@code record}, from 0 to {@code numPartitions - 1}.
   *
   * @param subtaskIndex the writing subtask
   * @param parallelism the sink's parallelism
   */
  int partition(T record, @Nullable byte[] key, byte[] value, int numPartitions, int subtaskIndex, int parallelism);

  /** Each subtask writes to one partition: subtask {@code i} to partition {@code i % numPartitions}. */
  static <T> KafkaPartitioner<T> fixed() {
    return (record, key, value, numPartitions, subtask, parallelism) -> subtask % numPartitions;
  }
}
