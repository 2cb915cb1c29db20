package weir.cluster.jobmanager;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.api.checkpoint.CheckpointConfig;
import weir.api.checkpoint.CheckpointStats;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.environment.JobStatus;
import weir.cluster.rpc.DeployRequest;
import weir.cluster.rpc.SubtaskPlacement;
import weir.cluster.rpc.TaskReport;
import weir.runtime.checkpoint.CheckpointCoordinator;
import weir.runtime.checkpoint.CheckpointMetadata;
import weir.runtime.checkpoint.CheckpointStorage;
import weir.runtime.executor.EmbeddedExecutor;
import weir.runtime.executor.RestartPolicy;
import weir.runtime.graph.JavaSerialization;
import weir.runtime.graph.JobGraph;
import weir.runtime.graph.JobVertex;
import weir.runtime.graph.StreamNode;
import weir.runtime.sink.DeadLetters;
import weir.runtime.source.SourceCoordinator;

/**
 * One job on the cluster and its state machine. The job runs in attempts: each places subtask
 * {@code i} of every vertex in slot {@code i} (slot sharing), deploys the subtasks onto their
 * TaskManagers, and starts the job's split enumerators and checkpoint coordinator here. The first
 * failure of an attempt (a subtask, a lost TaskManager, a failed deployment, checkpoints failing
 * beyond what is tolerated) cancels the attempt on every TaskManager; once all have reported
 * their subtasks ended, the restart strategy decides between another attempt, restored from the
 * latest completed checkpoint onto the TaskManagers alive then, and FAILED.
 *
 * <pre>
 * CREATED ─► RUNNING ─┬─► FINISHED
 *               ▲     ├─► RESTARTING ─► RUNNING
 *               │     ├─► FAILED
 *               │     └─► CANCELLING ─► CANCELED (FINISHED after stop with savepoint)
 *               └── RESTARTING waits for free slots
 * </pre>
 *
 * <p>Every transition is logged and kept ({@link #transitions}). Thread-safe: all state changes
 * hold the job's lock.
 */
final class ClusterJob {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterJob.class);

  /** What a job needs of the JobManager. */
  interface Cluster {
    SlotPool slots();

    @Nullable
    TaskManagerClient client(String taskManagerId);

    Optional<TaskManagerRegistry.TaskManagerInfo> taskManager(String taskManagerId);

    /** Where TaskManagers fetch the job's jar; empty when its classes are on the class path. */
    String jarUrl(String jobId);

    ScheduledExecutorService timer();

    /** The job reached a terminal state. */
    void ended(ClusterJob job);
  }

  /** A state change: when (ISO-8601), to which state, and why. */
  record Transition(String at, JobStatus from, JobStatus to, String reason) {}

  /** A failure of an attempt: when (ISO-8601), where, and its message. */
  record Failure(String at, int attempt, String task, String message) {}

  private record Key(int vertexId, int subtask) {}

  private final String id;
  // replaced by a rescale; otherwise fixed
  private JobGraph graph;
  private final ClassLoader userCode;
  private final Cluster cluster;
  private final RestartPolicy restartPolicy;
  @Nullable private CheckpointCoordinator checkpoints;
  private int slotsNeeded;
  // the savepoint the job starts from, checked against the job at submission
  @Nullable private final CheckpointStorage.Loaded savepoint;
  private final List<Transition> transitions = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();
  private final Map<String, weir.cluster.rpc.SubtaskStats> stats = new HashMap<>();
  private final DeadLetters.Log deadLetters;
  private final CompletableFuture<JobStatus> terminal = new CompletableFuture<>();
  private final Instant submitted = Instant.now();
  private JobStatus status = JobStatus.CREATED;
  @Nullable private Attempt current;
  private boolean stoppedWithSavepoint;
  private boolean waitingForSlots;

  /** One deployment of the job's subtasks. */
  private final class Attempt {
    final int number;
    final List<String> slots;
    final Set<String> taskManagers = new HashSet<>();
    final Set<String> ended = new HashSet<>();
    final Map<Key, RemoteSubtasks.Participant> participants = new LinkedHashMap<>();
    final Map<Integer, SourceCoordinator<?>> sources = new HashMap<>();
    @Nullable String failure;

    Attempt(int number, List<String> slots) {
      this.number = number;
      this.slots = slots;
      this.taskManagers.addAll(slots);
    }
  }

  /**
   * @throws IllegalArgumentException when the savepoint the job starts from cannot be read or does
   *     not fit the job
   */
  ClusterJob(String id, JobGraph graph, ClassLoader userCode, Cluster cluster) throws Exception {
    this.id = id;
    this.graph = graph;
    this.userCode = userCode;
    this.cluster = cluster;
    this.restartPolicy = new RestartPolicy(graph.config().getRestartStrategy());
    this.scalable = Rescaling.scalable(graph);
    this.deadLetters = new DeadLetters.Log(graph.jobName());
    this.savepoint = withUserCode(() -> EmbeddedExecutor.loadSavepoint(graph));
    adopt(graph, savepoint == null ? 1 : savepoint.metadata().id() + 1);
  }

  /** Runs {@code newGraph} from now on, with a checkpoint coordinator whose first checkpoint is {@code firstId}. */
  private void adopt(JobGraph newGraph, long firstId) {
    this.graph = newGraph;
    int max = 1;
    for (JobVertex v : newGraph.vertices()) {
      max = Math.max(max, v.parallelism());
    }
    this.slotsNeeded = max;
    CheckpointConfig config = newGraph.config().getCheckpointConfig();
    if (config.isCheckpointingEnabled()) {
      Map<Integer, Integer> parallelism = new LinkedHashMap<>();
      for (JobVertex v : newGraph.vertices()) {
        parallelism.put(v.id(), v.parallelism());
      }
      this.checkpoints = new CheckpointCoordinator(newGraph.jobName(), config,
          new CheckpointStorage(config.getCheckpointDirectory().resolve(id)), firstId, parallelism,
          cause -> failAttempt(-1, "checkpoint coordinator", cause));
    } else {
      this.checkpoints = null;
    }
  }

  /** What the end of the current attempt leads to, other than the restart strategy's decision. */
  private enum Next { DECIDE, RESTART, RESCALE }

  private Next next = Next.DECIDE;
  @Nullable private JobGraph rescaled;
  // the vertices at the job's default parallelism when submitted: the ones a rescale changes
  private final java.util.Set<Integer> scalable;

  String id() {
    return id;
  }

  String name() {
    return graph.jobName();
  }

  synchronized JobGraph graph() {
    return graph;
  }

  synchronized int slotsNeeded() {
    return slotsNeeded;
  }

  Instant submitted() {
    return submitted;
  }

  synchronized JobStatus status() {
    return status;
  }

  synchronized List<Transition> transitions() {
    return List.copyOf(transitions);
  }

  synchronized List<Failure> failures() {
    return List.copyOf(failures);
  }

  /** Where each subtask of the current attempt runs, by "vertex/subtask"; empty when none runs. */
  synchronized Map<String, String> placement() {
    Map<String, String> result = new LinkedHashMap<>();
    if (current != null) {
      for (JobVertex v : graph.vertices()) {
        for (int i = 0; i < v.parallelism(); i++) {
          result.put(v.id() + "/" + i, current.slots.get(i));
        }
      }
    }
    return result;
  }

  /** The latest figures of a subtask of the current attempt, from its TaskManager's heartbeat. */
  synchronized void updateStats(weir.cluster.rpc.SubtaskStats stats) {
    if (current != null && stats.getAttempt() == current.number) {
      this.stats.put(stats.getVertexId() + "/" + stats.getSubtask(), stats);
    }
  }

  /** The latest figures of the current attempt's subtasks, by "vertex/subtask". */
  synchronized Map<String, weir.cluster.rpc.SubtaskStats> stats() {
    return Map.copyOf(stats);
  }

  /** The job's latest dead letters. */
  DeadLetters.Log deadLetters() {
    return deadLetters;
  }

  synchronized int attemptNumber() {
    return current == null ? -1 : current.number;
  }

  List<CheckpointStats> checkpointStats() {
    CheckpointCoordinator c;
    synchronized (this) {
      c = checkpoints;
    }
    return c == null ? List.of() : c.stats();
  }

  /** Completes with the terminal state. */
  CompletableFuture<JobStatus> terminal() {
    return terminal;
  }

  private void transition(JobStatus to, String reason) {
    JobStatus from = status;
    status = to;
    transitions.add(new Transition(Instant.now().toString(), from, to, reason));
    LOG.info("Job '{}' ({}) switched from {} to {}: {}", graph.jobName(), id, from, to, reason);
    if (to.isTerminal()) {
      if (checkpoints != null) {
        checkpoints.shutdown();
      }
      cluster.slots().release(id);
      cluster.ended(this);
      terminal.complete(to);
    }
  }

  /**
   * Deploys the first attempt, from the savepoint the job names if any.
   *
   * @throws IllegalStateException when the cluster has too few free slots; the job is then FAILED
   */
  synchronized void start() throws Exception {
    List<String> slots = cluster.slots().allocate(id, slotsNeeded);
    if (slots == null) {
      String message = "Job '" + graph.jobName() + "' needs " + slotsNeeded + " slot(s) (its highest parallelism) but "
          + "the cluster has " + cluster.slots().free() + " free: start more TaskManagers, give them more slots "
          + "(taskmanager.slots), or lower the job's parallelism";
      transition(JobStatus.FAILED, message);
      throw new IllegalStateException(message);
    }
    transition(JobStatus.RUNNING, "submitted");
    deploy(0, slots, savepoint, savepoint == null ? "" : graph.config().getSavepointRestoreSettings().path());
  }

  private void deploy(int number, List<String> slots, @Nullable CheckpointStorage.Loaded restore, String restorePath)
      throws Exception {
    Attempt attempt = new Attempt(number, slots);
    current = attempt;
    stats.clear();
    DeployRequest.Builder request = DeployRequest.newBuilder()
        .setJobId(id)
        .setAttempt(number)
        .setJarUrl(cluster.jarUrl(id))
        .setJobGraph(ByteString.copyFrom(JavaSerialization.serialize(graph)))
        .setRestorePath(restorePath);
    Map<String, TaskManagerClient> clients = new HashMap<>();
    for (String tm : attempt.taskManagers) {
      TaskManagerClient client = cluster.client(tm);
      TaskManagerRegistry.TaskManagerInfo info = cluster.taskManager(tm).orElse(null);
      if (client == null || info == null) {
        failAttempt(number, "scheduler", new IllegalStateException("TaskManager " + tm + " was lost before deployment"));
        return;
      }
      clients.put(tm, client);
    }
    for (JobVertex v : graph.vertices()) {
      for (int i = 0; i < v.parallelism(); i++) {
        String tm = slots.get(i);
        TaskManagerRegistry.TaskManagerInfo info = cluster.taskManager(tm).orElseThrow();
        request.addPlacements(SubtaskPlacement.newBuilder().setVertexId(v.id()).setSubtask(i).setTaskManagerId(tm)
            .setDataHost(info.host()).setDataPort(info.dataPort()));
        RemoteSubtasks.Address address = new RemoteSubtasks.Address(id, number, v.id(), i, clients.get(tm));
        attempt.participants.put(new Key(v.id(), i), new RemoteSubtasks.Participant(address));
      }
      StreamNode head = v.head();
      if (head.kind() == StreamNode.Kind.SOURCE) {
        CheckpointMetadata.VersionedBytes enumerator =
            restore == null ? null : restore.metadata().enumerators().get(head.stateUid());
        @SuppressWarnings("unchecked")
        SimpleVersionedSerializer<Object> serializer = (SimpleVersionedSerializer<Object>) head.source().getSplitSerializer();
        SourceCoordinator<?> coordinator = withUserCode(() -> new SourceCoordinator<>(head.name(), head.stateUid(),
            head.source(), v.parallelism(), enumerator, subtask -> new RemoteSubtasks.Mailbox(new RemoteSubtasks.Address(id,
            number, v.id(), subtask, clients.get(slots.get(subtask))), serializer)));
        attempt.sources.put(v.id(), coordinator);
      }
    }
    DeployRequest deployRequest = request.build();
    for (TaskManagerClient client : clients.values()) {
      client.deploy(deployRequest).whenComplete((ok, e) -> {
        if (e != null) {
          failAttempt(number, "deployment on TaskManager " + client.taskManagerId(), e.getCause() != null ? e.getCause() : e);
        }
      });
    }
    // mails the enumerators send now queue behind the deployment on each TaskManager's connection
    withUserCode(() -> {
      for (SourceCoordinator<?> c : attempt.sources.values()) {
        c.start();
      }
      return null;
    });
    if (checkpoints != null) {
      checkpoints.start(new ArrayList<>(attempt.participants.values()), new ArrayList<>(attempt.sources.values()));
    }
  }

  /** A TaskManager's report about a subtask of this job. */
  synchronized void onReport(TaskReport report) throws Exception {
    if (report.hasDeadLetter()) {
      // also from an attempt that is over: the record was refused all the same
      var d = report.getDeadLetter();
      deadLetters.add(new DeadLetters.Entry(d.getAt(), d.getOperator(), report.getSubtask(), d.getRecord(), d.getError()));
      return;
    }
    Attempt a = current;
    if (a == null || report.getAttempt() != a.number) {
      return; // about an attempt that is over
    }
    Key key = new Key(report.getVertexId(), report.getSubtask());
    switch (report.getKindCase()) {
      case INITIALIZED -> {
        if (checkpoints != null) {
          checkpoints.taskInitialized(a.participants.get(key));
        }
      }
      case INPUT_ENDED -> {
        if (checkpoints != null) {
          checkpoints.inputEnded(a.participants.get(key));
        }
      }
      case CHECKPOINT_ACK -> {
        if (checkpoints != null) {
          var ack = report.getCheckpointAck();
          CheckpointCoordinator.Written written = (CheckpointCoordinator.Written) JavaSerialization.deserialize(
              ack.getWritten().toByteArray());
          checkpoints.acknowledgeWritten(a.participants.get(key), ack.getCheckpointId(), written,
              new CheckpointStats.Subtask(ack.getAlignmentNanos(), ack.getSyncNanos(), ack.getAsyncNanos(),
                  written.handle().length()));
        }
      }
      case CHECKPOINT_DECLINE -> {
        if (checkpoints != null) {
          checkpoints.decline(a.participants.get(key), report.getCheckpointDecline().getCheckpointId(),
              new IllegalStateException(report.getCheckpointDecline().getCause()));
        }
      }
      case SPLIT_REQUEST -> {
        SourceCoordinator<?> c = a.sources.get(report.getVertexId());
        if (c != null) {
          withUserCode(() -> {
            c.requestSplit(report.getSubtask());
            return null;
          });
        }
      }
      case FAILURE -> failAttempt(a.number, report.getFailure().getTaskName() + " on TaskManager "
          + report.getTaskManagerId(), new RemoteFailure(report.getFailure().getMessage()));
      case TASKS_ENDED -> {
        a.ended.add(report.getTaskManagerId());
        attemptMayHaveEnded(a);
      }
      default -> LOG.warn("Job {}: empty report from TaskManager {}", id, report.getTaskManagerId());
    }
  }

  /** A failure reported from a TaskManager; the message holds the original exception's. */
  static final class RemoteFailure extends Exception {
    RemoteFailure(String message) {
      super(message, null, false, false);
    }
  }

  /** TaskManager {@code taskManagerId} was lost. */
  synchronized void onTaskManagerLost(String taskManagerId) {
    Attempt a = current;
    if (a != null && a.taskManagers.contains(taskManagerId) && !a.ended.contains(taskManagerId)) {
      a.ended.add(taskManagerId); // its subtasks are gone with it
      failAttempt(a.number, "TaskManager " + taskManagerId, new IllegalStateException("TaskManager " + taskManagerId
          + " was lost (no heartbeat within heartbeat.timeout, or it registered anew)"));
      attemptMayHaveEnded(a);
    }
  }

  /** Fails attempt {@code number} (-1: the current one) unless it failed already. */
  synchronized void failAttempt(int number, String where, Throwable cause) {
    Attempt a = current;
    if (a == null || (number >= 0 && a.number != number) || a.failure != null) {
      return;
    }
    if (status == JobStatus.CANCELLING) {
      return;
    }
    a.failure = where + ": " + cause.getMessage();
    failures.add(new Failure(Instant.now().toString(), a.number, where, String.valueOf(cause.getMessage())));
    LOG.warn("Job '{}' ({}) attempt {} failed in {}", graph.jobName(), id, a.number, where, cause);
    stopAttempt(a);
  }

  private void stopAttempt(Attempt a) {
    if (checkpoints != null) {
      checkpoints.stopAttempt();
    }
    for (String tm : a.taskManagers) {
      if (!a.ended.contains(tm)) {
        TaskManagerClient client = cluster.client(tm);
        if (client != null) {
          client.cancel(id, a.number);
        } else {
          a.ended.add(tm);
        }
      }
    }
    attemptMayHaveEnded(a);
  }

  private void attemptMayHaveEnded(Attempt a) {
    if (current != a || !a.ended.containsAll(a.taskManagers)) {
      return;
    }
    for (SourceCoordinator<?> c : a.sources.values()) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("Job {}: closing a split enumerator failed", id, e);
      }
    }
    cluster.slots().release(id);
    if (status == JobStatus.RUNNING && next != Next.DECIDE) {
      Next what = next;
      next = Next.DECIDE;
      if (what == Next.RESCALE) {
        CheckpointCoordinator old = checkpoints;
        JobGraph target = rescaled;
        rescaled = null;
        try {
          long firstId = old.storage().completedIds().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
          old.shutdown();
          adopt(target, firstId);
        } catch (java.io.IOException e) {
          transition(JobStatus.FAILED, "rescaling failed: cannot read " + old.storage().directory() + ": " + e);
          return;
        }
        transition(JobStatus.RESTARTING, "rescaling to parallelism " + slotsNeeded + " from the savepoint just taken");
      } else {
        transition(JobStatus.RESTARTING, "restart requested");
      }
      cluster.timer().execute(() -> restart(a.number + 1));
    } else if (a.failure != null && status == JobStatus.RUNNING) {
      Duration delay = restartPolicy.onFailure(System.currentTimeMillis());
      if (delay == null) {
        transition(JobStatus.FAILED, a.failure + " (the restart strategy allows no further restart)");
        return;
      }
      transition(JobStatus.RESTARTING, a.failure + "; restart " + restartPolicy.restarts() + " in " + delay.toMillis()
          + " ms");
      cluster.timer().schedule(() -> restart(a.number + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
    } else if (status == JobStatus.CANCELLING) {
      transition(stoppedWithSavepoint ? JobStatus.FINISHED : JobStatus.CANCELED,
          stoppedWithSavepoint ? "stopped with a savepoint" : "cancelled");
    } else if (status == JobStatus.RUNNING) {
      transition(JobStatus.FINISHED, "every subtask finished");
    }
  }

  private synchronized void restart(int number) {
    if (status != JobStatus.RESTARTING) {
      return;
    }
    try {
      List<String> slots = cluster.slots().allocate(id, slotsNeeded);
      if (slots == null) {
        if (!waitingForSlots) {
          LOG.info("Job '{}' ({}) waits for {} free slot(s) to restart; {} free now", graph.jobName(), id, slotsNeeded,
              cluster.slots().free());
          waitingForSlots = true;
        }
        cluster.timer().schedule(() -> restart(number), 500, TimeUnit.MILLISECONDS);
        return;
      }
      waitingForSlots = false;
      CheckpointStorage.Loaded restore = null;
      String restorePath = "";
      if (checkpoints != null) {
        Optional<CheckpointStorage.Loaded> latest = checkpoints.storage().loadLatest();
        if (latest.isEmpty() && !checkpoints.stats().isEmpty()) {
          throw new IllegalStateException("Job '" + graph.jobName() + "' completed checkpoints but none in "
              + checkpoints.storage().directory() + " is intact; restarting from the beginning would repeat output");
        }
        if (latest.isEmpty()) {
          LOG.info("Job '{}' ({}): no intact checkpoint in {} (completed: {})", graph.jobName(), id,
              checkpoints.storage().directory(), checkpoints.storage().completedIds());
        }
        if (latest.isPresent()) {
          restore = latest.get();
          restorePath = checkpoints.storage().folderOf(restore.metadata().id()).toString();
        }
      }
      if (restore == null && savepoint != null) {
        restore = savepoint;
        restorePath = graph.config().getSavepointRestoreSettings().path();
      }
      transition(JobStatus.RUNNING, "attempt " + number + (restorePath.isEmpty() ? " from the beginning"
          : " restored from " + Path.of(restorePath).getFileName()));
      deploy(number, slots, restore, restorePath);
    } catch (Exception e) {
      cluster.slots().release(id);
      failures.add(new Failure(Instant.now().toString(), number, "restart", String.valueOf(e)));
      transition(JobStatus.FAILED, "restarting failed: " + e.getMessage());
    }
  }

  /**
   * Restarts the job from its latest checkpoint now, as after a failure but without counting
   * against the restart strategy.
   */
  synchronized void restartNow() {
    if (status != JobStatus.RUNNING || current == null || current.failure != null) {
      throw new IllegalStateException("Job '" + graph.jobName() + "' is " + status + "; only a RUNNING job restarts");
    }
    next = Next.RESTART;
    current.failure = "restart requested";
    stopAttempt(current);
  }

  /**
   * Rescales the running job: takes a savepoint under {@code directory}, stops the job's subtasks,
   * and runs them again at {@code parallelism} from that savepoint. Vertices at the job's default
   * parallelism change; those the program set apart keep theirs. Completes with the savepoint
   * once it is written.
   *
   * @throws IllegalArgumentException when the job cannot run at that parallelism
   * @throws IllegalStateException when the job is not running or has no checkpoints
   */
  synchronized CompletableFuture<Path> rescale(int parallelism, Path directory) {
    if (status != JobStatus.RUNNING || next != Next.DECIDE) {
      throw new IllegalStateException("Job '" + graph.jobName() + "' is " + status + "; only a RUNNING job rescales");
    }
    if (checkpoints == null) {
      throw new IllegalStateException("Job '" + graph.jobName() + "' runs without checkpoints, which rescaling needs "
          + "to carry its state over: turn them on with enableCheckpointing");
    }
    JobGraph target = Rescaling.rescale(graph, scalable, parallelism);
    // not on the thread completing the savepoint: that holds the coordinator, which stopping the attempt needs
    return checkpoints.triggerSavepoint(directory, true).thenApplyAsync(folder -> {
      synchronized (this) {
        if (status == JobStatus.RUNNING && current != null && current.failure == null) {
          rescaled = target;
          next = Next.RESCALE;
          current.failure = "rescale to parallelism " + parallelism;
          stopAttempt(current);
        }
      }
      return folder;
    }, cluster.timer());
  }

  /** Cancels the job. */
  synchronized void cancel() {
    if (status == JobStatus.RUNNING) {
      transition(JobStatus.CANCELLING, "cancel requested");
      stopAttempt(current);
    } else if (status == JobStatus.RESTARTING || status == JobStatus.CREATED) {
      transition(JobStatus.CANCELED, "cancel requested");
    }
  }

  /** Takes a savepoint into a new folder under {@code directory}. */
  CompletableFuture<Path> triggerSavepoint(Path directory) {
    if (checkpoints == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("Job '" + graph.jobName()
          + "' runs without checkpoints, which savepoints need: turn them on with enableCheckpointing"));
    }
    return checkpoints.triggerSavepoint(directory);
  }

  /** Takes a savepoint, then stops the job; with {@code drain}, the sources end their input first. */
  CompletableFuture<Path> stopWithSavepoint(Path directory, boolean drain) {
    if (checkpoints == null) {
      return triggerSavepoint(directory);
    }
    if (drain) {
      return checkpoints.drainWithSavepoint(directory);
    }
    return checkpoints.triggerSavepoint(directory, true).thenApplyAsync(folder -> {
      synchronized (this) {
        stoppedWithSavepoint = true;
        cancel();
      }
      return folder;
    }, cluster.timer());
  }

  private <T> T withUserCode(java.util.concurrent.Callable<T> action) throws Exception {
    return weir.cluster.program.UserCodeClassLoader.callWith(userCode, action);
  }

}
