package weir.connectors.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.SplitEnumeratorContext;

/**
 * Discovers the partitions of a {@link KafkaSource}, resolves their starting (and stopping)
 * offsets and assigns each partition to one reader, always the same one for a given partition
 * and parallelism. The first discovery runs in {@link #start}, so that a missing topic or
 * unreachable brokers fail the job at once; later ones run through {@link
 * SplitEnumeratorContext#callAsync}, and partitions they find start at the earliest offset
 * (they were created after the job started). Its checkpoint is the set of partitions assigned.
 */
final class KafkaSourceEnumerator implements SplitEnumerator<KafkaPartitionSplit, Set<TopicPartition>> {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceEnumerator.class);
  private static final long TIMEOUT_S = 30;

  private final KafkaSource<?> source;
  private final SplitEnumeratorContext<KafkaPartitionSplit> context;
  /** Partitions assigned so far (also those of a restored checkpoint); guarded by itself, read by discovery. */
  private final Set<TopicPartition> assigned;
  private Admin admin;

  KafkaSourceEnumerator(KafkaSource<?> source, SplitEnumeratorContext<KafkaPartitionSplit> context,
      Set<TopicPartition> restored) {
    this.source = source;
    this.context = context;
    this.assigned = new LinkedHashSet<>(restored);
  }

  @Override
  public void start() {
    admin = KafkaConfigs.admin(source.properties);
    boolean initial = assigned.isEmpty();
    assign(discover(true, initial));
    if (source.stoppingOffsets != null) {
      for (int i = 0; i < context.currentParallelism(); i++) {
        context.signalNoMoreSplits(i);
      }
    } else if (!source.discoveryInterval.isZero()) {
      context.callAsync(() -> discover(false, false), this::discovered, source.discoveryInterval,
          source.discoveryInterval);
    }
  }

  private void discovered(List<KafkaPartitionSplit> splits, Throwable failure) {
    if (failure != null) {
      LOG.warn("Kafka source of {}: partition discovery failed, trying again in {}", source.describeTopics(),
          source.discoveryInterval, failure);
      return;
    }
    assign(splits);
  }

  private void assign(List<KafkaPartitionSplit> splits) {
    synchronized (assigned) {
      for (KafkaPartitionSplit split : splits) {
        if (assigned.add(split.topicPartition())) {
          context.assignSplit(split, owner(split.topicPartition(), context.currentParallelism()));
        }
      }
    }
  }

  /** The reader of {@code tp}: the partitions of a topic go round robin from a start drawn from the topic's name. */
  static int owner(TopicPartition tp, int parallelism) {
    int start = ((tp.topic().hashCode() * 31) & 0x7FFFFFFF) % parallelism;
    return (start + tp.partition()) % parallelism;
  }

  /**
   * The splits of the partitions not assigned yet, their offsets resolved. Runs off the
   * enumerator's lock; reads {@link #assigned} only as a hint (the handler checks again).
   *
   * @param failIfMissing whether a listed topic that does not exist is an error (at start)
   * @param initial whether these are the partitions of the job's first start (the configured
   *     starting offsets apply) rather than ones created since (they start at the earliest)
   */
  private List<KafkaPartitionSplit> discover(boolean failIfMissing, boolean initial) {
    Set<TopicPartition> known;
    synchronized (assigned) {
      known = Set.copyOf(assigned);
    }
    Set<TopicPartition> found = new TreeSet<>((a, b) -> a.topic().equals(b.topic())
        ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
    for (TopicDescription d : describeTopics(failIfMissing)) {
      d.partitions().forEach(p -> found.add(new TopicPartition(d.name(), p.partition())));
    }
    found.removeAll(known);
    if (found.isEmpty()) {
      return List.of();
    }
    OffsetsSpec start = initial ? source.startingOffsets : OffsetsSpec.earliest();
    Map<TopicPartition, Long> starts = resolve(found, start);
    Map<TopicPartition, Long> stops = source.stoppingOffsets == null ? Map.of() : resolve(found, source.stoppingOffsets);
    List<KafkaPartitionSplit> splits = new ArrayList<>();
    for (TopicPartition tp : found) {
      long stop = stops.getOrDefault(tp, KafkaPartitionSplit.NO_STOPPING_OFFSET);
      splits.add(new KafkaPartitionSplit(tp.topic(), tp.partition(), Math.min(starts.get(tp), stop), stop));
    }
    return splits;
  }

  private List<TopicDescription> describeTopics(boolean failIfMissing) {
    try {
      List<String> names;
      if (source.topics != null) {
        names = source.topics;
      } else {
        names = new ArrayList<>();
        for (String t : admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS)) {
          if (source.topicPattern.matcher(t).matches()) {
            names.add(t);
          }
        }
      }
      List<TopicDescription> result = new ArrayList<>();
      for (var e : admin.describeTopics(names).topicNameValues().entrySet()) {
        try {
          result.add(e.getValue().get(TIMEOUT_S, TimeUnit.SECONDS));
        } catch (ExecutionException missing) {
          if (missing.getCause() instanceof UnknownTopicOrPartitionException && !failIfMissing) {
            continue;
          }
          if (missing.getCause() instanceof UnknownTopicOrPartitionException) {
            throw new IllegalStateException("The Kafka source reads topic '" + e.getKey() + "', which does not exist on "
                + servers() + ": create it first, or correct the name in topics(...)", missing.getCause());
          }
          throw missing;
        }
      }
      return result;
    } catch (TimeoutException e) {
      throw unreachable(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The Kafka source could not list " + source.describeTopics() + " on " + servers()
          + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while listing Kafka partitions", e);
    }
  }

  private Map<TopicPartition, Long> resolve(Set<TopicPartition> partitions, OffsetsSpec spec) {
    try {
      Map<TopicPartition, Long> result = new HashMap<>();
      Set<TopicPartition> rest = new LinkedHashSet<>(partitions);
      OffsetsSpec fallback = spec;
      if (spec instanceof OffsetsSpec.Committed c) {
        String group = source.properties.getProperty(ConsumerConfig.GROUP_ID_CONFIG);
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(TIMEOUT_S, TimeUnit.SECONDS);
        for (TopicPartition tp : partitions) {
          OffsetAndMetadata o = committed.get(tp);
          if (o != null) {
            result.put(tp, o.offset());
            rest.remove(tp);
          }
        }
        fallback = c.fallback();
      } else if (spec instanceof OffsetsSpec.Specific s) {
        for (TopicPartition tp : partitions) {
          Long o = s.offsets().get(tp);
          if (o != null) {
            result.put(tp, o);
            rest.remove(tp);
          }
        }
        fallback = s.fallback();
      }
      if (rest.isEmpty()) {
        return result;
      }
      OffsetSpec kafkaSpec = fallback instanceof OffsetsSpec.Timestamp t ? OffsetSpec.forTimestamp(t.epochMillis())
          : fallback instanceof OffsetsSpec.Latest ? OffsetSpec.latest() : OffsetSpec.earliest();
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (TopicPartition tp : rest) {
        request.put(tp, kafkaSpec);
      }
      IsolationLevel isolation = "read_uncommitted".equals(source.properties.getProperty(
          ConsumerConfig.ISOLATION_LEVEL_CONFIG)) ? IsolationLevel.READ_UNCOMMITTED : IsolationLevel.READ_COMMITTED;
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
          admin.listOffsets(request, new ListOffsetsOptions(isolation)).all().get(TIMEOUT_S, TimeUnit.SECONDS);
      Map<TopicPartition, Long> latest = null;
      for (TopicPartition tp : rest) {
        long o = offsets.get(tp).offset();
        if (o < 0) { // no record at or after the timestamp: start at the end
          if (latest == null) {
            latest = resolve(rest, OffsetsSpec.latest());
          }
          o = latest.get(tp);
        }
        result.put(tp, o);
      }
      return result;
    } catch (TimeoutException e) {
      throw unreachable(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The Kafka source could not look up the offsets (" + spec + ") of " + partitions
          + " on " + servers() + ": " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while looking up Kafka offsets", e);
    }
  }

  private IllegalStateException unreachable(TimeoutException e) {
    return new IllegalStateException("The Kafka source got no answer from the brokers at " + servers() + " within "
        + TIMEOUT_S + " s: check bootstrapServers(...) and that the brokers run", e);
  }

  private String servers() {
    return "'" + source.properties.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) + "'";
  }

  @Override
  public void handleSplitRequest(int subtaskId) {
    // splits are pushed to their owners as they are discovered
  }

  @Override
  public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtaskId) {
    for (KafkaPartitionSplit split : splits) {
      context.assignSplit(split, owner(split.topicPartition(), context.currentParallelism()));
    }
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public Set<TopicPartition> snapshotState(long checkpointId) {
    synchronized (assigned) {
      return new LinkedHashSet<>(assigned);
    }
  }

  @Override
  public void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
    }
  }
}
