package weir.connectors.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import org.apache.kafka.common.TopicPartition;
import weir.api.annotation.Public;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.source.Boundedness;
import weir.api.connector.source.Source;
import weir.api.connector.source.SourceReader;
import weir.api.connector.source.SourceReaderContext;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.SplitEnumeratorContext;
import weir.api.datastream.OutputTag;
import weir.api.typeinfo.TypeInfo;

/**
 * Reads Kafka topics; each partition is a {@link KafkaPartitionSplit}, so event time is tracked
 * per partition (with the idleness of the watermark strategy) and the checkpoint holds each
 * partition's offset. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * KafkaSource<String> source = KafkaSource.<String>builder()
 *     .bootstrapServers("localhost:9092")
 *     .topics("in")
 *     .groupId("my-job")
 *     .startingOffsets(OffsetsSpec.committed(OffsetsSpec.earliest()))
 *     .deserializer(KafkaRecordDeserializationSchema.valueOnly(ValueFormat.string()))
 *     .build();
 * DataStream<String> lines = env.fromSource(source, WatermarkStrategy.noWatermarks(),
 *     source.getProducedType(), "kafka");
 * }</pre>
 *
 * <p>Offsets are committed to the consumer group when a checkpoint completes, for monitoring
 * only: a restored job starts from the offsets in its checkpoint.
 *
 * @param <T> the type of the records
 * @since 0.1
 */
@Public
public final class KafkaSource<T> implements Source<T, KafkaPartitionSplit, Set<TopicPartition>> {
  private static final long serialVersionUID = 1L;

  @Nullable final List<String> topics;
  @Nullable final Pattern topicPattern;
  final Properties properties;
  final OffsetsSpec startingOffsets;
  @Nullable final OffsetsSpec stoppingOffsets;
  final Duration discoveryInterval;
  final KafkaRecordDeserializationSchema<T> deserializer;
  @Nullable final OutputTag<KafkaDeadLetter> deadLetters;
  final boolean commitOffsets;

  KafkaSource(@Nullable List<String> topics, @Nullable Pattern topicPattern, Properties properties,
      OffsetsSpec startingOffsets, @Nullable OffsetsSpec stoppingOffsets, Duration discoveryInterval,
      KafkaRecordDeserializationSchema<T> deserializer, @Nullable OutputTag<KafkaDeadLetter> deadLetters,
      boolean commitOffsets) {
    this.topics = topics;
    this.topicPattern = topicPattern;
    this.properties = properties;
    this.startingOffsets = startingOffsets;
    this.stoppingOffsets = stoppingOffsets;
    this.discoveryInterval = discoveryInterval;
    this.deserializer = deserializer;
    this.deadLetters = deadLetters;
    this.commitOffsets = commitOffsets;
  }

  /** A builder; see the class description. */
  public static <T> KafkaSourceBuilder<T> builder() {
    return new KafkaSourceBuilder<>();
  }

  /** The type of the records, from the deserialization schema: pass it to {@code env.fromSource}. */
  public TypeInfo<T> getProducedType() {
    return deserializer.getProducedType();
  }

  @Override
  public Boundedness getBoundedness() {
    return stoppingOffsets == null ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<KafkaPartitionSplit, Set<TopicPartition>> createEnumerator(
      SplitEnumeratorContext<KafkaPartitionSplit> context) {
    return new KafkaSourceEnumerator(this, context, Set.of());
  }

  @Override
  public SplitEnumerator<KafkaPartitionSplit, Set<TopicPartition>> restoreEnumerator(
      SplitEnumeratorContext<KafkaPartitionSplit> context, Set<TopicPartition> checkpoint) {
    return new KafkaSourceEnumerator(this, context, checkpoint);
  }

  @Override
  public SourceReader<T, KafkaPartitionSplit> createReader(SourceReaderContext context) {
    return new KafkaSourceReader<>(this, context);
  }

  @Override
  public SimpleVersionedSerializer<KafkaPartitionSplit> getSplitSerializer() {
    return new KafkaSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<Set<TopicPartition>> getEnumeratorCheckpointSerializer() {
    return new KafkaEnumeratorStateSerializer();
  }

  /** What the source reads, for messages. */
  String describeTopics() {
    return topics != null ? "topics " + topics : "topics matching '" + topicPattern + "'";
  }
}
