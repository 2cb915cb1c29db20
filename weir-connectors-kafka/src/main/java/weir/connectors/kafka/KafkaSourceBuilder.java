package weir.connectors.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import weir.api.annotation.Public;
import weir.api.datastream.OutputTag;

/**
 * Builds a {@link KafkaSource}. Required: {@link #bootstrapServers}, {@link #topics} or {@link
 * #topicPattern}, and {@link #deserializer}. Defaults: start at the earliest offsets, unbounded,
 * discover new partitions every 30 s, records that do not deserialize fail the job.
 *
 * @param <T> the type of the records
 * @since 0.1
 */
@Public
public final class KafkaSourceBuilder<T> {
  private List<String> topics;
  private Pattern topicPattern;
  private final Properties properties = new Properties();
  private OffsetsSpec startingOffsets = OffsetsSpec.earliest();
  private OffsetsSpec stoppingOffsets;
  private Duration discoveryInterval = Duration.ofSeconds(30);
  private KafkaRecordDeserializationSchema<T> deserializer;
  private OutputTag<KafkaDeadLetter> deadLetters;
  private boolean commitOffsets = true;

  KafkaSourceBuilder() {}

  /** The brokers to connect to first, as {@code host:port[,host:port...]}. */
  public KafkaSourceBuilder<T> bootstrapServers(String servers) {
    properties.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    return this;
  }

  /** Reads these topics. */
  public KafkaSourceBuilder<T> topics(String... topics) {
    this.topics = List.of(topics);
    return this;
  }

  /** Reads every topic whose name matches {@code pattern}, also those created while the job runs. */
  public KafkaSourceBuilder<T> topicPattern(Pattern pattern) {
    this.topicPattern = pattern;
    return this;
  }

  /** The consumer group: where offsets are committed on checkpoints, and read by {@link OffsetsSpec#committed}. */
  public KafkaSourceBuilder<T> groupId(String groupId) {
    properties.setProperty(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    return this;
  }

  /** Where each partition is first read from; {@link OffsetsSpec#earliest()} by default. */
  public KafkaSourceBuilder<T> startingOffsets(OffsetsSpec spec) {
    this.startingOffsets = Objects.requireNonNull(spec, "starting offsets");
    return this;
  }

  /**
   * Makes the source bounded: each partition ends before the offset of {@code spec}, resolved
   * when the job starts ({@link OffsetsSpec#latest()}: what is in the topics now). Partitions
   * are discovered once.
   */
  public KafkaSourceBuilder<T> bounded(OffsetsSpec spec) {
    this.stoppingOffsets = Objects.requireNonNull(spec, "stopping offsets");
    return this;
  }

  /** How often to look for new partitions and topics; {@link Duration#ZERO} for never. 30 s by default. */
  public KafkaSourceBuilder<T> partitionDiscoveryInterval(Duration interval) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("The partition discovery interval must be >= 0, but got " + interval);
    }
    this.discoveryInterval = interval;
    return this;
  }

  /** Turns Kafka records into the stream's records. */
  public KafkaSourceBuilder<T> deserializer(KafkaRecordDeserializationSchema<T> deserializer) {
    this.deserializer = deserializer;
    return this;
  }

  /**
   * Records the deserializer throws for go to the side output {@code tag} as {@link
   * KafkaDeadLetter}s, read with {@code stream.getSideOutput(tag)}, instead of failing the job.
   * Dead letters are exactly once like the main output: their offsets are in the checkpoints.
   */
  public KafkaSourceBuilder<T> deadLetters(OutputTag<KafkaDeadLetter> tag) {
    this.deadLetters = tag;
    return this;
  }

  /** Whether to commit offsets to the consumer group when a checkpoint completes (with a group id); true by default. */
  public KafkaSourceBuilder<T> commitOffsetsOnCheckpoint(boolean commit) {
    this.commitOffsets = commit;
    return this;
  }

  /** Sets a consumer property (see Kafka's {@code ConsumerConfig}). */
  public KafkaSourceBuilder<T> property(String key, String value) {
    properties.setProperty(key, value);
    return this;
  }

  /** The source; fails naming what is missing or inconsistent. */
  public KafkaSource<T> build() {
    String servers = properties.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
    KafkaConfigs.checkBootstrapServers(servers, "Kafka source");
    if ((topics == null || topics.isEmpty()) == (topicPattern == null)) {
      throw new IllegalArgumentException(
          "The Kafka source needs either topics(\"a\", \"b\") or topicPattern(Pattern.compile(...)), exactly one of them");
    }
    if (topics != null) {
      for (String t : topics) {
        if (t == null || t.isBlank()) {
          throw new IllegalArgumentException("The Kafka source's topics " + topics + " contain an empty name");
        }
      }
    }
    if (deserializer == null) {
      throw new IllegalArgumentException("The Kafka source needs a deserializer, e.g. "
          + "deserializer(KafkaRecordDeserializationSchema.valueOnly(ValueFormat.string()))");
    }
    boolean hasGroup = properties.getProperty(ConsumerConfig.GROUP_ID_CONFIG) != null;
    if (!hasGroup && (startingOffsets instanceof OffsetsSpec.Committed
        || stoppingOffsets instanceof OffsetsSpec.Committed)) {
      throw new IllegalArgumentException(
          "The Kafka source starts or stops at committed offsets but has no consumer group: set groupId(\"...\")");
    }
    Properties props = new Properties();
    props.putAll(properties);
    props.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaSource<>(topics, topicPattern, props, startingOffsets, stoppingOffsets, discoveryInterval,
        deserializer, deadLetters, commitOffsets && hasGroup);
  }
}
