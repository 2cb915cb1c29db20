package weir.runtime.exchange;

/**
 * Checkpoint {@code id}'s barrier in a channel: everything the producer sent before it belongs to
 * the state that checkpoint captures, everything after to the state after it. It carries the
 * time the checkpoint was triggered, which user functions see in their snapshot context.
 *
 * <p>{@code alignmentTimeoutNanos} says how a subtask takes the checkpoint: {@link #ALIGNED}
 * (wait for the barrier on every input before the snapshot; savepoints and jobs without unaligned
 * checkpoints), 0 (unaligned at the first barrier) or a positive time after which an alignment
 * that has not finished switches to unaligned.
 */
public final class CheckpointBarrier extends ControlEvent {
  /** The alignment timeout of a barrier that never switches to unaligned. */
  public static final long ALIGNED = -1;

  private final long id;
  private final long timestamp;
  private final long alignmentTimeoutNanos;

  /** An aligned barrier. */
  public CheckpointBarrier(long id, long timestamp) {
    this(id, timestamp, ALIGNED);
  }

  public CheckpointBarrier(long id, long timestamp, long alignmentTimeoutNanos) {
    this.id = id;
    this.timestamp = timestamp;
    this.alignmentTimeoutNanos = alignmentTimeoutNanos;
  }

  public long id() {
    return id;
  }

  /** When the checkpoint was triggered, in milliseconds since the epoch. */
  public long timestamp() {
    return timestamp;
  }

  /** {@link #ALIGNED}, 0 for unaligned at once, or the time after which alignment gives way to unaligned. */
  public long alignmentTimeoutNanos() {
    return alignmentTimeoutNanos;
  }

  /** Whether this checkpoint may be taken unaligned. */
  public boolean mayBeUnaligned() {
    return alignmentTimeoutNanos != ALIGNED;
  }

  @Override
  public String toString() {
    return "Barrier " + id + (alignmentTimeoutNanos == ALIGNED ? "" : " (unaligned after " + alignmentTimeoutNanos + " ns)");
  }
}
