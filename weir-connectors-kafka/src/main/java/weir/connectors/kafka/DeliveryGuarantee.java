package weir.connectors.kafka;

import weir.api.annotation.Public;

/**
 * What {@link KafkaSink} promises after failures.
 *
 * @since 0.1
 */
@Public
public enum DeliveryGuarantee {
  /** Records are flushed at each checkpoint; after a restore, those since the checkpoint are written again. */
  AT_LEAST_ONCE,
  /**
   * Records are written in Kafka transactions, committed when the checkpoint that covers them
   * completes; consumers with {@code isolation.level=read_committed} see each record once.
   */
  EXACTLY_ONCE
}
