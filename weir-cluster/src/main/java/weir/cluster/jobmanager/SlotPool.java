package weir.cluster.jobmanager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Which slots of the registered TaskManagers each job holds. With slot sharing a job needs as many
 * slots as its highest parallelism: slot {@code i} runs subtask {@code i} of every vertex. Slots
 * are taken round robin over the TaskManagers, so a job's subtasks spread over the cluster.
 *
 * <p>Thread-safe.
 */
final class SlotPool {
  private final TaskManagerRegistry registry;
  // job id -> TaskManager id -> slots held
  private final Map<String, Map<String, Integer>> held = new HashMap<>();

  SlotPool(TaskManagerRegistry registry) {
    this.registry = registry;
  }

  /**
   * Takes {@code count} slots for {@code jobId}; returns the TaskManager of each slot, or {@code
   * null} when the free slots are too few (nothing is taken then).
   */
  @Nullable
  synchronized List<String> allocate(String jobId, int count) {
    List<TaskManagerRegistry.TaskManagerInfo> alive = new ArrayList<>();
    Map<String, Integer> free = new HashMap<>();
    for (TaskManagerRegistry.TaskManagerInfo tm : registry.list()) {
      if (tm.status() == TaskManagerRegistry.Status.REGISTERED) {
        alive.add(tm);
        free.put(tm.id(), tm.slots() - used(tm.id()));
      }
    }
    List<String> slots = new ArrayList<>();
    for (int round = 0; slots.size() < count; round++) {
      boolean any = false;
      for (TaskManagerRegistry.TaskManagerInfo tm : alive) {
        if (free.get(tm.id()) > round && slots.size() < count) {
          slots.add(tm.id());
          any = true;
        }
      }
      if (!any) {
        return null;
      }
    }
    Map<String, Integer> mine = held.computeIfAbsent(jobId, k -> new HashMap<>());
    for (String tm : slots) {
      mine.merge(tm, 1, Integer::sum);
    }
    return slots;
  }

  /** Gives back every slot {@code jobId} holds. */
  synchronized void release(String jobId) {
    held.remove(jobId);
  }

  /** The slots free now, over all registered TaskManagers. */
  synchronized int free() {
    int free = 0;
    for (TaskManagerRegistry.TaskManagerInfo tm : registry.list()) {
      if (tm.status() == TaskManagerRegistry.Status.REGISTERED) {
        free += tm.slots() - used(tm.id());
      }
    }
    return free;
  }

  private int used(String taskManagerId) {
    int used = 0;
    for (Map<String, Integer> job : held.values()) {
      used += job.getOrDefault(taskManagerId, 0);
    }
    return used;
  }
}
