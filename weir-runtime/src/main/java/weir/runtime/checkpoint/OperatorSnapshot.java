package weir.runtime.checkpoint;

import java.util.List;
import java.util.Map;

/**
 * One operator's state in one subtask's snapshot.
 *
 * @param uid the operator's stable id: its uid, or one derived from its place in the graph
 * @param keyGroups keyed state and timers, one self-contained array per key group
 * @param lists operator list states by name: each element serialized on its own, so that a
 *     restore with another parallelism can deal them out again
 * @param unionLists the names of the lists that every subtask gets whole on restore
 */
public record OperatorSnapshot(
    String uid, Map<Integer, byte[]> keyGroups, Map<String, List<byte[]>> lists, List<String> unionLists) {}
