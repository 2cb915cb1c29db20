package weir.runtime.checkpoint;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import weir.runtime.state.KeyGroupRange;

/**
 * Deals a checkpoint's state out to the subtasks of a job, matching operators by uid: key groups
 * go to the subtask whose range holds them, so keyed state rescales; operator lists go back to
 * the same subtask when the parallelism is unchanged and round robin otherwise; union lists go
 * whole to every subtask. Records in flight of an unaligned checkpoint go back to the same
 * subtask; they cannot be dealt out to another parallelism.
 */
public final class StateAssignment {
  private final long checkpointId;
  // per uid: the operator's snapshots by old subtask index
  private final Map<String, TreeMap<Integer, OperatorSnapshot>> byUid = new HashMap<>();
  private final Map<String, Integer> oldParallelism = new HashMap<>();
  private final Map<String, Boolean> allEnded = new HashMap<>();
  private final Map<String, Map<Integer, Boolean>> endedBySubtask = new HashMap<>();
  // per head uid: records in flight by old subtask index, and the old parallelism
  private final Map<String, Map<Integer, ChannelState>> channels = new HashMap<>();
  private final Map<String, Integer> channelParallelism = new HashMap<>();

  public StateAssignment(CheckpointStorage.Loaded checkpoint) throws IOException {
    this.checkpointId = checkpoint.metadata().id();
    for (Map.Entry<StateHandle, byte[]> e : checkpoint.states().entrySet()) {
      StateHandle h = e.getKey();
      TaskSnapshot task = TaskSnapshot.fromBytes(e.getValue());
      int parallelism = checkpoint.metadata().parallelism().getOrDefault(h.vertexId(), 1);
      if (!task.channels().isEmpty()) {
        channels.computeIfAbsent(task.channels().headUid(), u -> new HashMap<>()).put(h.subtask(), task.channels());
        channelParallelism.put(task.channels().headUid(), parallelism);
      }
      for (OperatorSnapshot op : task.operators()) {
        byUid.computeIfAbsent(op.uid(), u -> new TreeMap<>()).put(h.subtask(), op);
        oldParallelism.put(op.uid(), parallelism);
        allEnded.merge(op.uid(), task.ended(), Boolean::logicalAnd);
        endedBySubtask.computeIfAbsent(op.uid(), u -> new HashMap<>()).put(h.subtask(), task.ended());
      }
    }
  }

  /** The uids the checkpoint has state for. */
  public Set<String> uids() {
    return byUid.keySet();
  }

  /**
   * The restore of subtask {@code subtask} of {@code parallelism} running the operators
   * {@code uids} (head first), owning the key groups {@code range}.
   */
  public TaskRestore restoreOf(List<String> uids, int subtask, int parallelism, KeyGroupRange range) {
    Map<String, TaskRestore.Operator> operators = new LinkedHashMap<>();
    boolean ended = !uids.isEmpty();
    boolean any = false;
    for (String uid : uids) {
      TreeMap<Integer, OperatorSnapshot> snapshots = byUid.get(uid);
      if (snapshots == null) {
        ended = false;
        continue;
      }
      any = true;
      int old = oldParallelism.get(uid);
      ended &= old == parallelism ? endedBySubtask.get(uid).getOrDefault(subtask, false) : allEnded.get(uid);
      operators.put(uid, assign(snapshots, old, subtask, parallelism, range));
    }
    ChannelState inFlight = null;
    if (!uids.isEmpty() && channels.containsKey(uids.get(0))) {
      int old = channelParallelism.get(uids.get(0));
      if (old != parallelism) {
        throw new IllegalStateException("Checkpoint " + checkpointId + " is unaligned: it holds records in flight of "
            + "operator '" + uids.get(0) + "' at parallelism " + old + ", which cannot be restored at parallelism "
            + parallelism + ". Restore at parallelism " + old + ", or take a savepoint (always aligned) to rescale");
      }
      inFlight = channels.get(uids.get(0)).get(subtask);
    }
    return new TaskRestore(checkpointId, any && ended, operators, inFlight);
  }

  /**
   * The part of one operator's state that subtask {@code subtask} of {@code parallelism}, owning
   * the key groups {@code range}, starts from: its key groups, its own lists when the parallelism
   * is unchanged and otherwise every {@code parallelism}-th element of all lists from its index
   * on, and the union lists whole.
   *
   * @param snapshots the operator's snapshots by old subtask index
   * @param oldParallelism the parallelism the snapshots were taken at
   */
  public static TaskRestore.Operator assign(SortedMap<Integer, OperatorSnapshot> snapshots, int oldParallelism,
      int subtask, int parallelism, KeyGroupRange range) {
    Map<Integer, byte[]> keyGroups = new HashMap<>();
    Map<String, List<byte[]>> all = new LinkedHashMap<>();
    Map<String, Boolean> union = new HashMap<>();
    for (Map.Entry<Integer, OperatorSnapshot> e : snapshots.entrySet()) {
      OperatorSnapshot op = e.getValue();
      op.keyGroups().forEach((kg, bytes) -> {
        if (range.contains(kg)) {
          keyGroups.put(kg, bytes);
        }
      });
      op.lists().forEach((name, elements) -> {
        union.put(name, op.unionLists().contains(name));
        List<byte[]> target = all.computeIfAbsent(name, n -> new ArrayList<>());
        if (oldParallelism == parallelism && !op.unionLists().contains(name)) {
          if (e.getKey() == subtask) {
            target.addAll(elements);
          }
        } else {
          target.addAll(elements);
        }
      });
    }
    Map<String, List<byte[]>> lists = new LinkedHashMap<>();
    all.forEach((name, elements) -> {
      if (union.get(name) || oldParallelism == parallelism) {
        lists.put(name, elements);
      } else {
        List<byte[]> mine = new ArrayList<>();
        for (int i = subtask; i < elements.size(); i += parallelism) {
          mine.add(elements.get(i));
        }
        lists.put(name, mine);
      }
    });
    return new TaskRestore.Operator(keyGroups, lists);
  }
}
