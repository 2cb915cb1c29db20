package weir.runtime.state;

import java.io.Serializable;

/**
 * The key groups {@code [start, end]} (inclusive) that one subtask owns. Key groups are
 * assigned to subtasks in contiguous ranges so that rescaling moves whole ranges.
 */
public record KeyGroupRange(int start, int end) implements Serializable {
  public KeyGroupRange {
    if (start < 0 || end < start - 1) {
      throw new IllegalArgumentException("Bug in key group assignment: invalid range [" + start + ", " + end + "]");
    }
  }

  /** The number of key groups in the range. */
  public int size() {
    return end - start + 1;
  }

  /** Whether {@code keyGroup} is in the range. */
  public boolean contains(int keyGroup) {
    return keyGroup >= start && keyGroup <= end;
  }
}
