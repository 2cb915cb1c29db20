/**
 * The Kafka connector: {@link weir.connectors.kafka.KafkaSource}, which reads topics with each
 * partition as a split (offsets in checkpoints, per-partition watermarks, dead letters for records
 * that do not deserialize), and {@link weir.connectors.kafka.KafkaSink}, which writes at least
 * once or exactly once through Kafka transactions committed when a checkpoint completes.
 */
package weir.connectors.kafka;
