package weir.api.graph;

import java.io.Serializable;
import weir.api.annotation.Internal;
import weir.api.functions.KeySelector;

/** How records travel from the subtasks of a producer to those of a consumer. */
@Internal
public sealed interface Partitioning extends Serializable {
  /** Subtask i to subtask i; needs equal parallelism. Lets the two operators chain. */
  record Forward() implements Partitioning {}

  /** Round robin over all consumer subtasks. */
  record Rebalance() implements Partitioning {}

  /** Round robin over a local subset of consumers, so each producer feeds only a few. */
  record Rescale() implements Partitioning {}

  /** Every record to every consumer subtask. */
  record Broadcast() implements Partitioning {}

  /** A uniformly random consumer per record. */
  record Shuffle() implements Partitioning {}

  /** Every record to consumer subtask 0. */
  record Global() implements Partitioning {}

  /** By the key's key group: records with equal keys meet in the same subtask. */
  record Keyed(KeySelector<?, ?> keySelector) implements Partitioning {}
}
