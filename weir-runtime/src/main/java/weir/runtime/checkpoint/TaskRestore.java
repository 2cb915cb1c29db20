package weir.runtime.checkpoint;

import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * The state one new subtask starts from.
 *
 * @param checkpointId the checkpoint it comes from
 * @param ended whether the subtask had finished its input: it is not run again
 * @param operators each operator's part, by uid
 * @param channels the records in flight of an unaligned checkpoint, or {@code null} when none
 */
public record TaskRestore(long checkpointId, boolean ended, Map<String, Operator> operators,
    @Nullable ChannelState channels) {
  /** One operator's part: its key groups (all in the subtask's range) and its operator lists. */
  public record Operator(Map<Integer, byte[]> keyGroups, Map<String, List<byte[]>> lists) {}

  /** The part of the operator {@code uid}, or {@code null} when it starts empty. */
  @Nullable
  public Operator operator(String uid) {
    return operators.get(uid);
  }
}
