package weir.runtime.checkpoint;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import weir.runtime.operators.StreamOperator;
import weir.runtime.state.HeapKeyedStateBackend;
import weir.runtime.state.KeyedStateSnapshot;
import weir.runtime.state.OperatorStateBackend;

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
    String uid, Map<Integer, byte[]> keyGroups, Map<String, List<byte[]>> lists, List<String> unionLists) {
  /**
   * An operator's snapshot whose synchronous part is taken: the operator state is written, the
   * keyed state frozen. {@link #finish()} writes the keyed state, on any thread.
   */
  public record Pending(String uid, @Nullable KeyedStateSnapshot keyed, Map<String, List<byte[]>> lists,
      List<String> unionLists) {
    /** A snapshot with nothing left to write. */
    public static Pending of(OperatorSnapshot done) {
      if (!done.keyGroups().isEmpty()) {
        throw new IllegalArgumentException("Bug: a finished snapshot with keyed state cannot be pending");
      }
      return new Pending(done.uid(), null, done.lists(), done.unionLists());
    }

    /** Writes what is left. */
    public OperatorSnapshot finish() throws IOException {
      return new OperatorSnapshot(uid, keyed == null ? Map.of() : keyed.write(), lists, unionLists);
    }
  }

  /**
   * Takes the synchronous part of the snapshot of {@code operator} for checkpoint {@code id}
   * (triggered at {@code timestamp}): first the operator's own state, which also lets its user
   * function bring its states up to date, then its operator state backend, then it freezes its
   * keyed state. Returns {@code null} for an operator without state, which is left out so that it
   * needs no uid for a savepoint to match.
   */
  @Nullable
  public static Pending take(String uid, StreamOperator operator, @Nullable OperatorStateBackend operatorState,
      @Nullable HeapKeyedStateBackend keyedState, long id, long timestamp) throws Exception {
    Map<String, List<byte[]>> lists = new LinkedHashMap<>(operator.snapshotOperatorState(id, timestamp));
    List<String> unions = new ArrayList<>();
    if (operatorState != null) {
      OperatorStateBackend.Snapshot backend = operatorState.snapshot();
      lists.putAll(backend.lists());
      unions.addAll(backend.unionLists());
    }
    if (lists.isEmpty() && keyedState == null) {
      return null;
    }
    return new Pending(uid, keyedState == null ? null : keyedState.beginSnapshot(), lists, unions);
  }
}
