package weir.runtime.state;

import java.io.IOException;
import weir.api.typeinfo.DataOutputView;

/**
 * Keyed data that lives beside the backend's states but must be snapshotted and rescaled with
 * them, key group by key group: an operator's timers. Registered with {@link
 * HeapKeyedStateBackend#registerParticipant}, which hands back the restored sections.
 */
public interface KeyedSnapshotParticipant {
  /** A snapshot starts: the key groups follow in order. */
  void beginSnapshot();

  /** Writes this participant's data of the key group at {@code keyGroupIndex} of the owned range. */
  void writeKeyGroup(int keyGroupIndex, DataOutputView out) throws IOException;
}
