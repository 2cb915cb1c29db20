package weir.runtime.checkpoint;

import java.util.List;

/**
 * The records an unaligned checkpoint holds in flight for one subtask: per input channel, the
 * records sent before the producer's barrier that the subtask had not processed when it took its
 * snapshot; per output channel (edges in order, then channels), the records emitted before the
 * snapshot that still waited for room. Each entry is {@code InFlightRecords} bytes. They restore
 * only onto the same subtask of the same job at the same parallelism.
 *
 * @param headUid the uid of the subtask's first operator, naming the subtask's vertex
 * @param inputs one entry per input channel
 * @param outputs one entry per output channel
 */
public record ChannelState(String headUid, List<byte[]> inputs, List<byte[]> outputs) {
  /** Whether it holds no channels at all (an aligned snapshot). */
  public boolean isEmpty() {
    return inputs.isEmpty() && outputs.isEmpty();
  }

  /** The channel state of an aligned snapshot. */
  public static ChannelState none(String headUid) {
    return new ChannelState(headUid, List.of(), List.of());
  }
}
