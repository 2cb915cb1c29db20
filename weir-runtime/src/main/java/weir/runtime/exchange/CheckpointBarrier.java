package weir.runtime.exchange;

/**
 * Checkpoint {@code id}'s barrier in a channel: everything the producer sent before it belongs to
 * the state that checkpoint captures, everything after to the state after it.
 */
public final class CheckpointBarrier extends ControlEvent {
  private final long id;

  public CheckpointBarrier(long id) {
    this.id = id;
  }

  public long id() {
    return id;
  }

  @Override
  public String toString() {
    return "Barrier " + id;
  }
}
