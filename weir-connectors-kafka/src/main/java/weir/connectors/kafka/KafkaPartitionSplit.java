package weir.connectors.kafka;

import org.apache.kafka.common.TopicPartition;
import weir.api.annotation.Public;
import weir.api.connector.source.SourceSplit;

/**
 * One Kafka partition as a split of {@link KafkaSource}, with the offset of the next record to
 * read, and where a bounded source stops.
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the offset of the next record to emit
 * @param stoppingOffset the offset to stop before, or {@link #NO_STOPPING_OFFSET} when unbounded
 * @since 0.1
 */
@Public
public record KafkaPartitionSplit(String topic, int partition, long offset, long stoppingOffset)
    implements SourceSplit {
  private static final long serialVersionUID = 1L;

  /** The stopping offset of a split that never ends. */
  public static final long NO_STOPPING_OFFSET = Long.MAX_VALUE;

  public KafkaPartitionSplit {
    if (offset < 0 || stoppingOffset < 0) {
      throw new IllegalArgumentException("Offsets of " + topic + "-" + partition + " must be >= 0, but got " + offset
          + " and stopping offset " + stoppingOffset);
    }
  }

  /** The split id: {@code topic-partition}. */
  @Override
  public String splitId() {
    return topic + "-" + partition;
  }

  /** The Kafka partition. */
  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  /** Whether there is nothing left to read: the offset reached the stopping offset. */
  public boolean isFinished() {
    return offset >= stoppingOffset;
  }
}
