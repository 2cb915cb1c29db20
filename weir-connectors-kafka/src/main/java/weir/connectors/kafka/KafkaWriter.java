package weir.connectors.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.annotation.Nullable;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTxnTimeoutException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.api.connector.sink.CommittingSinkWriter;
import weir.api.connector.sink.WriterInitContext;

/**
 * The writer of {@link KafkaSink} for one subtask. At least once: one idempotent producer,
 * flushed at each checkpoint. Exactly once: a pool of transactional producers, one transaction
 * open at a time, prepared (flushed) at each checkpoint and handed to the committer.
 */
final class KafkaWriter<T> implements CommittingSinkWriter<T, KafkaCommittable> {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaWriter.class);

  private final KafkaSink<T> sink;
  private final KafkaRecordSerializationSchema<T> serializer;
  private final int subtask;
  private final int parallelism;
  private final Properties properties;
  private final Callback callback = this::sent;
  /** The first failed send, reported at the next write or flush; set by the producer's thread. */
  @Nullable private volatile Exception sendFailure;

  /** At least once: the producer; exactly once: the producer with the open transaction, or null. */
  @Nullable private KafkaProducer<byte[], byte[]> producer;
  /** Exactly once: the pool, created on first use; its ids are {@code prefix-subtask-slot}. */
  @Nullable private KafkaProducer<byte[], byte[]>[] pool;
  private int slot = -1;
  private int nextSlot;
  private int numPartitions = -1;

  KafkaWriter(KafkaSink<T> sink, WriterInitContext context) {
    this.sink = sink;
    this.serializer = sink.serializer;
    this.subtask = context.getSubtaskIndex();
    this.parallelism = context.getParallelism();
    this.properties = new Properties();
    properties.putAll(sink.properties);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    if (sink.guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
      checkTimeout(sink.transactionTimeout, context.getCheckpointInterval(), serializer.topic());
      properties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Long.toString(sink.transactionTimeout.toMillis()));
    } else {
      properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
      producer = new KafkaProducer<>(properties);
    }
  }

  /** Fails unless a transaction outlives about two checkpoint intervals (written during one, committed after the next). */
  static void checkTimeout(Duration timeout, Optional<Duration> checkpointInterval, String topic) {
    if (checkpointInterval.isEmpty()) {
      LOG.warn("The exactly-once Kafka sink to '{}' runs without checkpoints: it commits only at the end of a bounded "
          + "input; enable checkpointing", topic);
      return;
    }
    Duration interval = checkpointInterval.get();
    if (timeout.compareTo(interval.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("The exactly-once Kafka sink to '" + topic + "' has a transaction timeout of "
          + timeout.toMillis() + " ms, less than twice the checkpoint interval of " + interval.toMillis() + " ms: the "
          + "broker would abort transactions before their commit. Raise transactionTimeout(...) to at least "
          + interval.multipliedBy(2).toMillis() + " ms (and at most the broker's transaction.max.timeout.ms), or "
          + "checkpoint more often");
    }
  }

  @Override
  public void write(T element) throws IOException {
    checkSent();
    KafkaProducer<byte[], byte[]> p = producer != null ? producer : begin();
    byte[] key = serializer.key(element);
    byte[] value = serializer.value(element);
    Integer partition = null;
    KafkaPartitioner<T> partitioner = serializer.partitioner();
    if (partitioner != null) {
      if (numPartitions < 0) {
        numPartitions = p.partitionsFor(serializer.topic()).size();
      }
      partition = partitioner.partition(element, key, value, numPartitions, subtask, parallelism);
    }
    try {
      p.send(new ProducerRecord<>(serializer.topic(), partition, key, value), callback);
    } catch (ProducerFencedException e) {
      throw fenced(e);
    }
  }

  private void sent(Object metadata, Exception e) {
    if (e != null && sendFailure == null) {
      sendFailure = e;
    }
  }

  private void checkSent() throws IOException {
    Exception e = sendFailure;
    if (e != null) {
      if (e instanceof ProducerFencedException f) {
        throw fenced(f);
      }
      throw new IOException("The Kafka sink could not write to topic '" + serializer.topic() + "': " + e, e);
    }
  }

  /** Exactly once: opens a transaction with the next free id of the pool. */
  private KafkaProducer<byte[], byte[]> begin() throws IOException {
    if (pool == null) {
      pool = initPool();
    }
    for (int i = 0; i < pool.length; i++) {
      int s = (nextSlot + i) % pool.length;
      if (!TransactionalProducers.isPrepared(id(s))) {
        slot = s;
        producer = pool[s];
        try {
          producer.beginTransaction();
        } catch (ProducerFencedException e) {
          throw fenced(e);
        }
        return producer;
      }
    }
    throw new IOException("All " + pool.length + " transactional ids of subtask " + subtask + " of the Kafka sink to '"
        + serializer.topic() + "' hold transactions waiting for their commit (checkpoints are completing slower "
        + "than they start): raise transactionalIdPoolSize(...)");
  }

  /**
   * Creates and initializes a producer per id of the pool; initializing aborts what an earlier
   * attempt left open under that id. Runs on first use, so after the committer of this subtask
   * committed the transactions of the restored checkpoint.
   */
  @SuppressWarnings("unchecked")
  private KafkaProducer<byte[], byte[]>[] initPool() throws IOException {
    KafkaProducer<byte[], byte[]>[] producers = new KafkaProducer[sink.poolSize];
    for (int s = 0; s < producers.length; s++) {
      producers[s] = TransactionalProducers.create(properties, id(s));
      try {
        producers[s].initTransactions();
      } catch (InvalidTxnTimeoutException e) {
        closeAll(producers);
        throw new IOException("The broker refuses the Kafka sink's transaction timeout of "
            + sink.transactionTimeout.toMillis() + " ms: it is above the broker's transaction.max.timeout.ms; lower "
            + "transactionTimeout(...) or raise that broker setting", e);
      } catch (KafkaException e) {
        closeAll(producers);
        throw new IOException("The Kafka sink could not initialize transactional id '" + id(s) + "' on "
            + properties.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + e, e);
      }
    }
    return producers;
  }

  private String id(int s) {
    return sink.transactionalIdPrefix + "-" + subtask + "-" + s;
  }

  private IOException fenced(ProducerFencedException e) {
    return new IOException("The Kafka sink's transactional id '" + (slot < 0 ? "?" : id(slot)) + "' was taken over by "
        + "another producer: two jobs or sinks use the transactional id prefix '" + sink.transactionalIdPrefix
        + "'; give each its own with transactionalIdPrefix(...)", e);
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    if (producer != null) {
      producer.flush();
    }
    checkSent();
  }

  @Override
  public Collection<KafkaCommittable> prepareCommit() throws IOException {
    if (sink.guarantee != DeliveryGuarantee.EXACTLY_ONCE || producer == null) {
      return List.of();
    }
    producer.flush();
    checkSent();
    String id = id(slot);
    KafkaCommittable committable = TransactionalProducers.committable(id, producer);
    TransactionalProducers.prepared(id, producer);
    producer = null;
    nextSlot = (slot + 1) % pool.length;
    return List.of(committable);
  }

  @Override
  public void close() {
    if (pool != null) {
      for (int s = 0; s < pool.length; s++) {
        TransactionalProducers.forget(id(s), pool[s]);
      }
      // closed at once: a graceful close would abort the open and the prepared transactions, which the
      // restored job commits (prepared) or aborts (open) itself
      closeAll(pool);
    } else if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }

  private static void closeAll(KafkaProducer<byte[], byte[]>[] producers) {
    for (KafkaProducer<byte[], byte[]> p : producers) {
      if (p != null) {
        p.close(Duration.ZERO);
      }
    }
  }
}
