package weir.connectors.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.api.connector.sink.CommitRequest;
import weir.api.connector.sink.Committer;

/**
 * Commits the transactions of {@link KafkaSink}. A transaction prepared by this process is
 * committed with the writer's own producer; one restored from a checkpoint is resumed with its
 * producer id and epoch in a fresh producer and committed. A restored transaction that the broker
 * no longer has open was committed before the failure: with exactly-once semantics it can only
 * have ended by that commit, or by the transaction timeout, which the writer's start-up check
 * keeps above twice the checkpoint interval.
 */
final class KafkaCommitter implements Committer<KafkaCommittable> {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaCommitter.class);

  private final Properties properties;

  KafkaCommitter(Properties properties) {
    this.properties = properties;
  }

  @Override
  public void commit(Collection<CommitRequest<KafkaCommittable>> requests) {
    for (CommitRequest<KafkaCommittable> request : requests) {
      KafkaCommittable c = request.getCommittable();
      KafkaProducer<byte[], byte[]> own = TransactionalProducers.takePrepared(c.transactionalId());
      if (own != null) {
        try {
          own.commitTransaction();
        } catch (ProducerFencedException e) {
          request.signalFailedWithKnownReason(new IllegalStateException("Transaction '" + c.transactionalId()
              + "' of the Kafka sink was fenced before its commit: another producer took over the id (do two jobs "
              + "share the transactional id prefix?)", e));
        } catch (RetriableException e) {
          TransactionalProducers.prepared(c.transactionalId(), own);
          request.retryLater();
        } catch (KafkaException e) {
          request.signalFailedWithUnknownReason(new IllegalStateException("Committing transaction '"
              + c.transactionalId() + "' of the Kafka sink failed: " + e, e));
        }
      } else {
        commitResumed(request, c);
      }
    }
  }

  private void commitResumed(CommitRequest<KafkaCommittable> request, KafkaCommittable c) {
    KafkaProducer<byte[], byte[]> producer = TransactionalProducers.create(properties, c.transactionalId());
    try {
      producer.partitionsFor("__transaction_state"); // connects, so the broker's transaction version is known
      TransactionalProducers.updateTransactionVersion(producer);
      TransactionalProducers.resume(producer, c);
      producer.commitTransaction();
    } catch (InvalidTxnStateException | ProducerFencedException | InvalidProducerEpochException e) {
      LOG.info("Kafka transaction {} (producer id {}, epoch {}) is no longer open: committed before the restore",
          c.transactionalId(), c.producerId(), c.epoch());
      request.signalAlreadyCommitted();
    } catch (RetriableException e) {
      request.retryLater();
    } catch (KafkaException e) {
      request.signalFailedWithUnknownReason(new IllegalStateException("Committing restored transaction '"
          + c.transactionalId() + "' of the Kafka sink failed: " + e, e));
    } finally {
      producer.close(Duration.ofSeconds(5));
    }
  }
}
