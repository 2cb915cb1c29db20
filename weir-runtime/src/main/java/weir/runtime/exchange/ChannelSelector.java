package weir.runtime.exchange;

/**
 * Chooses the output channel of a record. Implementations own mutable round-robin state and
 * belong to one producing subtask.
 */
public interface ChannelSelector {
  /** Marker result: send the record to every channel. */
  int BROADCAST = -1;

  /** The channel index for {@code record}, or {@link #BROADCAST}. */
  int select(Object record) throws Exception;
}
