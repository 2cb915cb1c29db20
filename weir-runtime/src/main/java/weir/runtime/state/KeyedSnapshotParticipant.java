package weir.runtime.state;

import java.io.IOException;
import weir.api.typeinfo.DataOutputView;

/**
 * Keyed data that lives beside the backend's states but must be snapshotted and rescaled with
 * them, key group by key group: an operator's timers. Registered with {@link
 * HeapKeyedStateBackend#registerParticipant}, which hands back the restored sections.
 */
public interface KeyedSnapshotParticipant {
  /**
   * A snapshot starts: called on the subtask's thread, it captures what the snapshot holds. The
   * writer it returns is called later, possibly on another thread while the subtask goes on, so
   * it must not read anything the subtask may change.
   */
  SectionWriter beginSnapshot();

  /** Writes a participant's data as captured by {@link #beginSnapshot()}, key group by key group. */
  @FunctionalInterface
  interface SectionWriter {
    /**
     * Writes the data of the key group at {@code keyGroupIndex} of the owned range; keys and
     * namespaces with {@code writers}, which belong to the snapshot's thread.
     */
    void writeKeyGroup(int keyGroupIndex, DataOutputView out, KeyedStateSnapshot.Writers writers) throws IOException;
  }
}
