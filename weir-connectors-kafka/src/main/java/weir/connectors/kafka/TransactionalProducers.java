package weir.connectors.kafka;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.ProducerIdAndEpoch;

/**
 * Transactional producers of the exactly-once sink: creating them, reading the producer id and
 * epoch of an open transaction, resuming a transaction of an earlier process to commit it, and
 * handing prepared transactions from a writer to the committer of the same subtask.
 *
 * <p>Kafka's public producer API cannot commit a transaction begun by another producer instance
 * (KIP-939 adds that, but kafka-clients 4.3 does not expose it on {@code KafkaProducer}). After a
 * restore the committer therefore sets the producer id and epoch of the prepared transaction into
 * a fresh producer's transaction manager by reflection and commits, as Flink's Kafka connector
 * does. The fields touched are named here and nowhere else; a client upgrade that renames them
 * fails the commit with a message naming the field.
 */
final class TransactionalProducers {
  /** Producers with a prepared transaction, by transactional id, until the committer commits them. */
  private static final Map<String, KafkaProducer<byte[], byte[]>> PREPARED = new ConcurrentHashMap<>();

  private TransactionalProducers() {}

  static KafkaProducer<byte[], byte[]> create(Properties properties, String transactionalId) {
    Properties p = new Properties();
    p.putAll(properties);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(p);
  }

  /** Hands a producer with a prepared transaction to the committer. */
  static void prepared(String transactionalId, KafkaProducer<byte[], byte[]> producer) {
    PREPARED.put(transactionalId, producer);
  }

  /** Takes the producer with the prepared transaction {@code transactionalId}, or {@code null} (none in this process). */
  static KafkaProducer<byte[], byte[]> takePrepared(String transactionalId) {
    return PREPARED.remove(transactionalId);
  }

  /** Whether a transaction of {@code transactionalId} waits for its commit in this process. */
  static boolean isPrepared(String transactionalId) {
    return PREPARED.containsKey(transactionalId);
  }

  /** Forgets a prepared transaction that will not be committed by this process (its writer closed). */
  static void forget(String transactionalId, KafkaProducer<byte[], byte[]> producer) {
    PREPARED.remove(transactionalId, producer);
  }

  /** The producer id and epoch of {@code producer}'s transaction. */
  static KafkaCommittable committable(String transactionalId, KafkaProducer<byte[], byte[]> producer) {
    ProducerIdAndEpoch ids = (ProducerIdAndEpoch) get(transactionManager(producer), "producerIdAndEpoch");
    return new KafkaCommittable(transactionalId, ids.producerId, ids.epoch);
  }

  /**
   * Makes a fresh producer (never initialized) continue the open transaction of {@code c}, so
   * that {@code commitTransaction()} ends it.
   */
  static void resume(KafkaProducer<byte[], byte[]> producer, KafkaCommittable c) {
    Object tm = transactionManager(producer);
    synchronized (tm) {
      set(tm, "producerIdAndEpoch", new ProducerIdAndEpoch(c.producerId(), c.epoch()));
      set(tm, "currentState", state(tm, "READY"));
      set(tm, "currentState", state(tm, "IN_TRANSACTION"));
      set(tm, "transactionStarted", true);
    }
  }

  /** Reads the broker's transaction version into the transaction manager, as initTransactions() would. */
  static void updateTransactionVersion(KafkaProducer<byte[], byte[]> producer) {
    Object tm = transactionManager(producer);
    try {
      Method m = tm.getClass().getMethod("maybeUpdateTransactionV2Enabled", boolean.class);
      m.invoke(tm, true);
    } catch (ReflectiveOperationException e) {
      throw incompatible("maybeUpdateTransactionV2Enabled", e);
    }
  }

  private static Object transactionManager(KafkaProducer<byte[], byte[]> producer) {
    return get(producer, "transactionManager");
  }

  private static Object state(Object tm, String name) {
    try {
      Class<?> states = Class.forName(tm.getClass().getName() + "$State");
      for (Object s : states.getEnumConstants()) {
        if (((Enum<?>) s).name().equals(name)) {
          return s;
        }
      }
      throw incompatible("TransactionManager.State." + name, null);
    } catch (ClassNotFoundException e) {
      throw incompatible("TransactionManager.State", e);
    }
  }

  private static Object get(Object target, String field) {
    try {
      Field f = target.getClass().getDeclaredField(field);
      f.setAccessible(true);
      return f.get(target);
    } catch (ReflectiveOperationException e) {
      throw incompatible(target.getClass().getSimpleName() + "." + field, e);
    }
  }

  private static void set(Object target, String field, Object value) {
    try {
      Field f = target.getClass().getDeclaredField(field);
      f.setAccessible(true);
      f.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw incompatible(target.getClass().getSimpleName() + "." + field, e);
    }
  }

  private static IllegalStateException incompatible(String what, Throwable cause) {
    return new IllegalStateException("This kafka-clients version has no " + what + ", which the exactly-once Kafka "
        + "sink needs to commit a transaction after a restore; use kafka-clients 4.3.x", cause);
  }
}
