package weir.runtime.exchange;

/**
 * Checkpoint {@code id}'s barrier in a channel: everything the producer sent before it belongs to
 * the state that checkpoint captures, everything after to the state after it. It carries the
 * time the checkpoint was triggered, which user functions see in their snapshot context.
 */
public final class CheckpointBarrier extends ControlEvent {
  private final long id;
  private final long timestamp;

  public CheckpointBarrier(long id, long timestamp) {
    this.id = id;
    this.timestamp = timestamp;
  }

  public long id() {
    return id;
  }

  /** When the checkpoint was triggered, in milliseconds since the epoch. */
  public long timestamp() {
    return timestamp;
  }

  @Override
  public String toString() {
    return "Barrier " + id;
  }
}
