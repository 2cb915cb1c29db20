package weir.testing;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The keyed state and timers of one subtask's operator, as a checkpoint holds them: one
 * self-contained array of bytes per key group the subtask owns. Taken with {@link
 * OperatorHarness#snapshot()}; a fresh operator starts from snapshots with {@code restore} on
 * {@link OneInputHarness} or {@link TwoInputHarness}, at the same or another parallelism, taking
 * the key groups it owns as a restored job does.
 *
 * <pre>{@code
 * SubtaskSnapshot snapshot = harness.snapshot();
 * try (var first = harness.restore(SubtaskSettings.of(0, 2), snapshot);
 *      var second = harness.restore(SubtaskSettings.of(1, 2), snapshot)) {
 *   first.processWatermark(Long.MAX_VALUE);
 *   second.processWatermark(Long.MAX_VALUE);
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class SubtaskSnapshot {
  private final Map<Integer, byte[]> keyGroups;

  SubtaskSnapshot(Map<Integer, byte[]> keyGroups) {
    this.keyGroups = Collections.unmodifiableMap(new TreeMap<>(keyGroups));
  }

  /** The key groups the snapshot holds: those the subtask owned, each with its bytes. */
  public Set<Integer> keyGroups() {
    return keyGroups.keySet();
  }

  /** The snapshot's bytes, by key group; for the restoring harness. */
  Map<Integer, byte[]> bytes() {
    return keyGroups;
  }

  @Override
  public String toString() {
    long size = 0;
    for (byte[] bytes : keyGroups.values()) {
      size += bytes.length;
    }
    return "SubtaskSnapshot[" + keyGroups.size() + " key groups, " + size + " bytes]";
  }
}
