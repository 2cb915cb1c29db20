package weir.runtime.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import javax.annotation.Nullable;
import weir.runtime.checkpoint.CheckpointCoordinator;
import weir.runtime.checkpoint.CheckpointGateway;
import weir.runtime.checkpoint.StateAssignment;
import weir.runtime.checkpoint.TaskRestore;
import weir.runtime.graph.JobGraph;
import weir.runtime.graph.JobVertex;
import weir.runtime.graph.StreamNode;
import weir.runtime.graph.UserCode;
import weir.runtime.operators.ProcessingTimeService;
import weir.runtime.sink.CollectChannel;
import weir.runtime.source.SplitGateway;
import weir.runtime.state.KeyGroups;
import weir.runtime.task.SimpleCounter;
import weir.runtime.task.StreamTask;
import weir.runtime.task.Tasklet;
import weir.runtime.task.TaskDeployment;

/**
 * The subtasks of one attempt of a job that run in this process: every subtask embedded, the
 * subtasks placed on this TaskManager on a cluster.
 *
 * @param tasks one task per local subtask
 * @param counters each task's counters, as registered by its operators
 * @param participants the tasks' sides of checkpointing (empty when checkpointing is off)
 */
public record AttemptTasks(List<StreamTask> tasks, List<Map<String, SimpleCounter>> counters,
    List<CheckpointCoordinator.Participant> participants) {

  /**
   * Builds the local subtasks of attempt {@code attempt} of {@code job}.
   *
   * @param assignment the state to restore, or {@code null} for a fresh start
   * @param splitGateways the split enumerator of each source vertex, by vertex id
   * @param checkpoints the coordinator or its proxy, or {@code null} when checkpointing is off
   * @param deadLetters where the dead-letter sinks of the job send their records
   */
  public static AttemptTasks build(JobGraph job, int attempt, @Nullable StateAssignment assignment,
      ExchangeWiring wiring, ExchangeWiring.Placement placement, IntFunction<SplitGateway> splitGateways,
      @Nullable CheckpointGateway checkpoints, Map<String, CollectChannel> collectChannels,
      weir.runtime.sink.DeadLetters deadLetters) throws Exception {
    List<StreamTask> tasks = new ArrayList<>();
    List<Map<String, SimpleCounter>> counters = new ArrayList<>();
    List<CheckpointCoordinator.Participant> participants = new ArrayList<>();
    for (JobVertex v : job.vertices()) {
      boolean any = false;
      for (int i = 0; i < v.parallelism() && !any; i++) {
        any = placement.isLocal(v.id(), i);
      }
      if (!any) {
        continue;
      }
      // serialized once here; each subtask deserializes its own copy of the user code. With one
      // subtask the graph's own instances are used. (Not the originals for one subtask and copies
      // for the others: a deserialized lambda has another class than the original, and the
      // specialized classes the subtasks share would see two receiver types instead of one.)
      // After a restart every subtask gets a fresh copy: the failed attempt may have changed its objects.
      byte[] serializedUserCode = v.parallelism() > 1 || attempt > 0 ? UserCode.serialize(v) : null;
      Map<String, Class<?>> specializedClasses = new ConcurrentHashMap<>();
      List<String> uids = new ArrayList<>();
      for (StreamNode n : v.operators()) {
        uids.add(n.stateUid());
      }
      SplitGateway splits = v.head().kind() == StreamNode.Kind.SOURCE ? splitGateways.apply(v.id()) : null;
      for (int i = 0; i < v.parallelism(); i++) {
        if (!placement.isLocal(v.id(), i)) {
          continue;
        }
        Map<String, SimpleCounter> taskCounters = new ConcurrentHashMap<>();
        counters.add(taskCounters);
        ExchangeWiring.SubtaskIo io = wiring.of(v.id(), i);
        TaskRestore taskRestore = assignment == null ? null
            : assignment.restoreOf(uids, i, v.parallelism(), KeyGroups.rangeOf(i, v.maxParallelism(), v.parallelism()));
        StreamTask task = new StreamTask(new TaskDeployment(job.jobName(), v, serializedUserCode, i, attempt,
            io.inputChannels(), io.inputIndexOfChannel(), io.writers, splits, collectChannels, taskCounters,
            ProcessingTimeService.SYSTEM, job.config().getSerializerConfig(),
            job.config().getAutoWatermarkInterval().toMillis(), specializedClasses, checkpoints, taskRestore,
            deadLetters));
        if (task.checkpointParticipant() != null) {
          participants.add(task.checkpointParticipant());
        }
        tasks.add(task);
      }
    }
    return new AttemptTasks(tasks, counters, participants);
  }

  /**
   * Spreads {@code tasklets} round robin over {@code workers} cooperative workers; blocking ones
   * go to {@code blocking}, to get threads of their own.
   */
  public static List<List<Tasklet>> spread(List<? extends Tasklet> tasklets, int workers, List<Tasklet> blocking) {
    List<List<Tasklet>> perWorker = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      perWorker.add(new ArrayList<>());
    }
    int next = 0;
    for (Tasklet t : tasklets) {
      if (t.isBlocking()) {
        blocking.add(t);
      } else {
        perWorker.get(next++ % workers).add(t);
      }
    }
    return perWorker;
  }
}
