package weir.connectors.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that owns a source reader's {@link KafkaConsumer} (the consumer is not thread-safe
 * and its calls block). It takes commands from the reader (assign, remove, commit), polls, and
 * hands each batch to the reader through a queue of two; a full queue stops polling, which is
 * backpressure down to the broker.
 */
final class KafkaFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaFetcher.class);
  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * A polled batch, with the consumer positions of the bounded partitions after it.
   *
   * @param records the records
   * @param positions offset of the next record, per bounded partition
   */
  record Fetch(ConsumerRecords<byte[], byte[]> records, Map<TopicPartition, Long> positions) {}

  private final Properties properties;
  private final String name;
  private final BlockingQueue<Consumer<KafkaConsumer<byte[], byte[]>>> commands = new LinkedBlockingQueue<>();
  private final BlockingQueue<Fetch> fetched = new ArrayBlockingQueue<>(2);
  /** The stopping offset of each bounded assigned partition; fetcher thread only. */
  private final Map<TopicPartition, Long> stops = new HashMap<>();
  private final Set<TopicPartition> assigned = new HashSet<>();
  private volatile boolean closing;
  @Nullable private volatile Throwable failure;
  @Nullable private volatile KafkaConsumer<byte[], byte[]> consumer;
  private Thread thread;

  KafkaFetcher(Properties properties, String name) {
    this.properties = properties;
    this.name = name;
  }

  void start() {
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Throws what failed the fetcher thread. */
  void checkFailure() throws IOException {
    Throwable t = failure;
    if (t != null) {
      throw new IOException("The Kafka consumer of " + name + " failed: " + t, t);
    }
  }

  @Nullable
  Fetch nextFetch() {
    return fetched.poll();
  }

  boolean hasFetch() {
    return !fetched.isEmpty();
  }

  /** Assigns partitions, reading each from the offset of its split. */
  void add(Map<TopicPartition, KafkaPartitionSplit> splits) {
    command(c -> {
      assigned.addAll(splits.keySet());
      c.assign(assigned);
      for (Map.Entry<TopicPartition, KafkaPartitionSplit> e : splits.entrySet()) {
        c.seek(e.getKey(), e.getValue().offset());
        if (e.getValue().stoppingOffset() != KafkaPartitionSplit.NO_STOPPING_OFFSET) {
          stops.put(e.getKey(), e.getValue().stoppingOffset());
        }
      }
    });
  }

  /** Stops reading a finished partition. */
  void remove(TopicPartition tp) {
    command(c -> {
      assigned.remove(tp);
      stops.remove(tp);
      c.assign(assigned);
    });
  }

  /** Commits offsets to the consumer group, for monitoring; a failure is logged only. */
  void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    command(c -> c.commitAsync(offsets, (o, e) -> {
      if (e != null) {
        LOG.warn("{}: committing offsets {} to the consumer group failed (they are for monitoring only)", name, o, e);
      }
    }));
  }

  private void command(Consumer<KafkaConsumer<byte[], byte[]>> command) {
    commands.add(command);
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  private void run() {
    Properties p = new Properties();
    p.putAll(properties);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, name);
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
      consumer = c;
      while (!closing) {
        runCommands(c);
        if (assigned.isEmpty()) {
          Consumer<KafkaConsumer<byte[], byte[]>> command = commands.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
          if (command != null) {
            command.accept(c);
          }
          continue;
        }
        ConsumerRecords<byte[], byte[]> records;
        try {
          records = c.poll(POLL);
        } catch (WakeupException e) {
          continue; // a command came
        }
        Map<TopicPartition, Long> positions = stops.isEmpty() ? Map.of() : positions(c);
        if (records.isEmpty() && positions.isEmpty()) {
          continue;
        }
        Fetch fetch = new Fetch(records, positions);
        while (!closing && !fetched.offer(fetch, POLL.toMillis(), TimeUnit.MILLISECONDS)) {
          // the reader is behind: wait, polling nothing more
        }
      }
    } catch (WakeupException | InterruptedException e) {
      if (!closing) {
        failure = e;
      }
    } catch (Throwable t) {
      failure = t;
    } finally {
      consumer = null;
    }
  }

  /** The positions of the bounded partitions; a wake-up (a command came) must not lose the records polled. */
  private Map<TopicPartition, Long> positions(KafkaConsumer<byte[], byte[]> c) {
    Map<TopicPartition, Long> positions = new HashMap<>();
    for (TopicPartition tp : stops.keySet()) {
      while (!positions.containsKey(tp)) {
        try {
          positions.put(tp, c.position(tp));
        } catch (WakeupException e) {
          // the command runs in the next round
        }
      }
    }
    return positions;
  }

  private void runCommands(KafkaConsumer<byte[], byte[]> c) {
    Consumer<KafkaConsumer<byte[], byte[]>> command;
    while ((command = commands.poll()) != null) {
      command.accept(c);
    }
  }

  void close() throws InterruptedException {
    closing = true;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (thread != null) {
      thread.join(10_000);
    }
  }
}
