package weir.connectors.kafka;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import weir.api.connector.source.InputStatus;
import weir.api.connector.source.ReaderOutput;
import weir.api.connector.source.SourceReader;
import weir.api.connector.source.SourceReaderContext;

/**
 * Reads the partitions assigned to one subtask. A {@link KafkaFetcher} thread owns the consumer
 * and hands over batches of records; this reader, on the subtask's thread, deserializes and emits
 * them, each partition through its own split output (its own watermarks), and keeps the offset of
 * the next record of each partition for the checkpoint.
 */
final class KafkaSourceReader<T> implements SourceReader<T, KafkaPartitionSplit> {
  /** Records emitted per {@link #pollNext} call at most, so that barriers and timers get their turn. */
  private static final int MAX_RECORDS_PER_POLL = 2048;

  /** One assigned partition; owned by the subtask's thread. */
  private static final class Partition<T> {
    final String splitId;
    final long stop;
    long next;
    @Nullable ReaderOutput<T> output;

    Partition(KafkaPartitionSplit split) {
      this.splitId = split.splitId();
      this.next = split.offset();
      this.stop = split.stoppingOffset();
    }
  }

  private final KafkaSource<T> source;
  private final KafkaRecordDeserializationSchema<T> deserializer;
  private final Map<TopicPartition, Partition<T>> partitions = new HashMap<>();
  /** Offsets per checkpoint taken and not yet known complete, to commit to the group. */
  private final TreeMap<Long, Map<TopicPartition, OffsetAndMetadata>> pendingCommits = new TreeMap<>();
  private final KafkaFetcher fetcher;
  @Nullable private KafkaFetcher.Fetch current;
  @Nullable private Iterator<ConsumerRecord<byte[], byte[]>> records;
  /**
   * Whether partitions were added whose split outputs are not created yet. An assigned partition
   * holds back the subtask's watermark from its assignment on, not only from its first record:
   * else the watermark follows the partitions that brought records first, and the first records
   * of the others (a later fetch at start, or a partition quiet so far) would be late. Idleness
   * ({@code WatermarkStrategy.withIdleness}) releases a partition that brings none.
   */
  private boolean outputsMissing;
  private boolean noMoreSplits;

  KafkaSourceReader(KafkaSource<T> source, SourceReaderContext context) {
    this.source = source;
    this.deserializer = source.deserializer;
    this.fetcher = new KafkaFetcher(source.properties, "weir-kafka-source-" + context.getSubtaskIndex());
  }

  @Override
  public void start() {
    fetcher.start();
  }

  @Override
  public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
    fetcher.checkFailure();
    if (outputsMissing) {
      createOutputs(output);
    }
    int emitted = 0;
    while (emitted < MAX_RECORDS_PER_POLL) {
      if (records == null || !records.hasNext()) {
        if (current != null) {
          finishReached(output, current.positions());
          current = null;
          records = null;
        }
        current = fetcher.nextFetch();
        if (current == null) {
          break;
        }
        records = current.records().iterator();
        continue;
      }
      ConsumerRecord<byte[], byte[]> r = records.next();
      Partition<T> p = partitions.get(new TopicPartition(r.topic(), r.partition()));
      if (p == null || r.offset() < p.next || r.offset() >= p.stop) {
        continue; // of a finished partition, or fetched before its position moved
      }
      emit(output, p, r);
      p.next = r.offset() + 1;
      emitted++;
      if (p.next >= p.stop) {
        finish(output, r.topic(), r.partition(), p);
      }
    }
    if (partitions.isEmpty() && noMoreSplits) {
      return InputStatus.END_OF_INPUT;
    }
    return (records != null && records.hasNext()) || fetcher.hasFetch() ? InputStatus.MORE_AVAILABLE
        : InputStatus.NOTHING_AVAILABLE;
  }

  private void createOutputs(ReaderOutput<T> output) {
    for (Partition<T> p : partitions.values()) {
      if (p.output == null) {
        p.output = output.createOutputForSplit(p.splitId);
      }
    }
    outputsMissing = false;
  }

  private void emit(ReaderOutput<T> output, Partition<T> p, ConsumerRecord<byte[], byte[]> r) throws IOException {
    T value;
    try {
      value = deserializer.deserialize(r);
    } catch (Exception e) {
      String error = e.getClass().getName() + ": " + e.getMessage();
      if (source.deadLetters == null) {
        throw new IOException("The Kafka source could not deserialize the record at offset " + r.offset() + " of "
            + r.topic() + "-" + r.partition() + " (" + error + "); send such records to a side output with "
            + "deadLetters(tag) to keep the job running", e);
      }
      output.collect(source.deadLetters,
          new KafkaDeadLetter(r.topic(), r.partition(), r.offset(), r.timestamp(), r.key(), r.value(), error));
      return;
    }
    if (value != null) {
      p.output.collect(value, r.timestamp());
    }
  }

  /** Bounded partitions whose consumer position passed the stopping offset (control records, say) are finished. */
  private void finishReached(ReaderOutput<T> output, Map<TopicPartition, Long> positions) {
    for (Map.Entry<TopicPartition, Long> e : positions.entrySet()) {
      Partition<T> p = partitions.get(e.getKey());
      if (p != null && e.getValue() >= p.stop) {
        finish(output, e.getKey().topic(), e.getKey().partition(), p);
      }
    }
  }

  private void finish(ReaderOutput<T> output, String topic, int partition, Partition<T> p) {
    TopicPartition tp = new TopicPartition(topic, partition);
    partitions.remove(tp);
    if (p.output != null) {
      output.releaseOutputForSplit(p.splitId);
    }
    fetcher.remove(tp);
  }

  @Override
  public List<KafkaPartitionSplit> snapshotState(long checkpointId) {
    List<KafkaPartitionSplit> splits = new ArrayList<>(partitions.size());
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (Map.Entry<TopicPartition, Partition<T>> e : partitions.entrySet()) {
      TopicPartition tp = e.getKey();
      Partition<T> p = e.getValue();
      splits.add(new KafkaPartitionSplit(tp.topic(), tp.partition(), p.next, p.stop));
      offsets.put(tp, new OffsetAndMetadata(p.next));
    }
    if (source.commitOffsets) {
      pendingCommits.put(checkpointId, offsets);
    }
    return splits;
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    Map.Entry<Long, Map<TopicPartition, OffsetAndMetadata>> latest = pendingCommits.floorEntry(checkpointId);
    if (latest == null) {
      return;
    }
    pendingCommits.headMap(checkpointId, true).clear();
    if (!latest.getValue().isEmpty()) {
      fetcher.commit(latest.getValue());
    }
  }

  @Override
  public void addSplits(List<KafkaPartitionSplit> splits) {
    Map<TopicPartition, KafkaPartitionSplit> added = new HashMap<>();
    for (KafkaPartitionSplit split : splits) {
      if (!split.isFinished()) {
        partitions.put(split.topicPartition(), new Partition<>(split));
        added.put(split.topicPartition(), split);
      }
    }
    if (!added.isEmpty()) {
      outputsMissing = true;
      fetcher.add(added);
    }
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
  }

  @Override
  public void close() throws Exception {
    fetcher.close();
  }
}
