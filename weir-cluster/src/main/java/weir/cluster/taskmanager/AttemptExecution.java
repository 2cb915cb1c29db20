package weir.cluster.taskmanager;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.api.checkpoint.CheckpointConfig;
import weir.api.connector.SimpleVersionedSerializer;
import weir.cluster.rpc.DeployRequest;
import weir.cluster.rpc.Nothing;
import weir.cluster.rpc.SubtaskPlacement;
import weir.cluster.rpc.TaskFailure;
import weir.cluster.rpc.TaskMail;
import weir.runtime.checkpoint.CheckpointCoordinator;
import weir.runtime.checkpoint.CheckpointStorage;
import weir.runtime.checkpoint.StateAssignment;
import weir.runtime.exchange.CheckpointBarrier;
import weir.runtime.executor.AttemptTasks;
import weir.runtime.executor.ExchangeWiring;
import weir.runtime.graph.JavaSerialization;
import weir.runtime.graph.JobGraph;
import weir.runtime.graph.JobVertex;
import weir.runtime.graph.StreamNode;
import weir.runtime.source.SourceCoordinator;
import weir.runtime.task.Tasklet;
import weir.runtime.task.Worker;

/**
 * The subtasks of one attempt of a job that the JobManager placed on this TaskManager, and the
 * threads running them. The first failure of a subtask is reported and stops the others here;
 * the JobManager then cancels the attempt everywhere and decides on a restart. When every worker
 * has closed its subtasks, {@code tasks_ended} is reported.
 */
final class AttemptExecution implements Worker.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptExecution.class);

  private record Key(int vertexId, int subtask) {}

  private final String jobId;
  private final int attempt;
  private final String name;
  private final Reports reports;
  private final ClassLoader userCode;
  private final Runnable onEnded;
  private final Map<Key, CheckpointCoordinator.Participant> participants = new HashMap<>();
  private final Map<Integer, RemoteSplits> splits = new HashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<Thread> blockingThreads = new ArrayList<>();
  private final AtomicBoolean failed = new AtomicBoolean();
  private final AtomicInteger runningWorkers = new AtomicInteger();
  @Nullable private RemoteCheckpoints checkpoints;
  private final NetworkExchanges exchanges;
  private final List<SubtaskMonitor.Running> running = new ArrayList<>();
  private volatile boolean stopping;

  /**
   * Builds the local subtasks of the attempt {@code request} describes.
   *
   * @param onEnded called once every local subtask has been closed
   */
  AttemptExecution(DeployRequest request, String taskManagerId, ClassLoader userCode, Reports reports,
      NetworkExchanges.Factory network, int workers, Runnable onEnded) throws Exception {
    this.jobId = request.getJobId();
    this.attempt = request.getAttempt();
    this.reports = reports;
    this.userCode = userCode;
    this.onEnded = onEnded;
    JobGraph job = (JobGraph) withUserCode(() -> JavaSerialization.deserialize(request.getJobGraph().toByteArray()));
    this.name = "'" + job.jobName() + "' (" + jobId + ") attempt " + attempt;
    Map<Key, SubtaskPlacement> placements = new HashMap<>();
    for (SubtaskPlacement p : request.getPlacementsList()) {
      placements.put(new Key(p.getVertexId(), p.getSubtask()), p);
    }
    ExchangeWiring.Placement local = (vertexId, subtask) -> {
      SubtaskPlacement p = placements.get(new Key(vertexId, subtask));
      return p != null && p.getTaskManagerId().equals(taskManagerId);
    };
    CheckpointConfig checkpointConfig = job.config().getCheckpointConfig();
    if (checkpointConfig.isCheckpointingEnabled()) {
      checkpoints = new RemoteCheckpoints(checkpointConfig, new CheckpointStorage(checkpointConfig.getCheckpointDirectory().resolve(jobId)),
          jobId, attempt, reports);
    }
    StateAssignment assignment = request.getRestorePath().isEmpty() ? null
        : new StateAssignment(CheckpointStorage.loadFolder(Path.of(request.getRestorePath())));
    for (JobVertex v : job.vertices()) {
      StreamNode head = v.head();
      if (head.kind() == StreamNode.Kind.SOURCE) {
        @SuppressWarnings("unchecked")
        SimpleVersionedSerializer<Object> serializer = (SimpleVersionedSerializer<Object>) head.source().getSplitSerializer();
        splits.put(v.id(), new RemoteSplits(serializer, jobId, attempt, v.id(), reports));
      }
    }
    this.exchanges = network.create(job, attempt, (vertexId, subtask) -> placements.get(new Key(vertexId, subtask)));
    ExchangeWiring wiring = new ExchangeWiring(job, local, exchanges);
    weir.runtime.sink.DeadLetters deadLetters = (operator, subtask, letter) -> reports.send(
        reports.of(jobId, attempt, 0, subtask).setDeadLetter(weir.cluster.rpc.DeadLetterReport.newBuilder()
            .setAt(java.time.Instant.now().toString()).setOperator(operator)
            .setRecord(letter.record()).setError(letter.error())));
    AttemptTasks tasks = withUserCode(() -> AttemptTasks.build(job, attempt, assignment, wiring, local, splits::get,
        checkpoints, Map.of(), deadLetters));
    for (weir.runtime.task.StreamTask t : tasks.tasks()) {
      running.add(new SubtaskMonitor.Running(jobId, attempt, t.deployment().vertex().name(), t));
    }
    for (CheckpointCoordinator.Participant p : tasks.participants()) {
      participants.put(new Key(p.vertexId(), p.subtask()), p);
    }
    List<Tasklet> all = new ArrayList<>(tasks.tasks());
    all.addAll(exchanges.tasklets());
    List<Tasklet> blocking = new ArrayList<>();
    List<List<Tasklet>> perWorker = AttemptTasks.spread(all, workers, blocking);
    int n = 0;
    for (List<Tasklet> w : perWorker) {
      if (!w.isEmpty()) {
        threads.add(thread(w, "weir-" + job.jobName() + "-" + n++));
      }
    }
    for (Tasklet t : blocking) {
      Thread thread = thread(List.of(t), "weir-" + t.name());
      threads.add(thread);
      blockingThreads.add(thread);
    }
  }

  private Thread thread(List<Tasklet> tasklets, String threadName) {
    Thread t = new Thread(new Worker(tasklets, this), threadName + (attempt > 0 ? "-attempt-" + attempt : ""));
    t.setContextClassLoader(userCode);
    return t;
  }

  /** The subtasks of this attempt here, for monitoring. */
  List<SubtaskMonitor.Running> running() {
    return running;
  }

  /** Starts the subtasks' threads. */
  void start() {
    runningWorkers.set(threads.size());
    LOG.info("Job {}: starting {} thread(s) on this TaskManager", name, threads.size());
    if (threads.isEmpty()) {
      ended();
      return;
    }
    for (Thread t : threads) {
      t.start();
    }
  }

  /** Stops the subtasks; they close and {@code tasks_ended} follows. */
  void cancel() {
    if (!stopping) {
      LOG.info("Job {}: cancelling the subtasks on this TaskManager", name);
    }
    stopping = true;
    for (Thread t : blockingThreads) {
      t.interrupt();
    }
  }

  /** Hands a mail from the JobManager to a subtask. */
  void deliver(TaskMail mail) throws Exception {
    Key key = new Key(mail.getVertexId(), mail.getSubtask());
    switch (mail.getKindCase()) {
      case SPLITS -> splitsOf(mail).assign(mail.getSubtask(), mail.getSplits());
      case NO_MORE_SPLITS -> splitsOf(mail).mailbox(mail.getSubtask()).add(SourceCoordinator.NO_MORE_SPLITS);
      case CHECKPOINT_MARK -> splitsOf(mail).mailbox(mail.getSubtask())
          .add(new SourceCoordinator.CheckpointMark(barrier(mail.getCheckpointMark())));
      default -> {
        CheckpointCoordinator.Participant p = participants.get(key);
        if (p == null) {
          throw new IllegalArgumentException("Job " + name + " has no subtask " + key.subtask() + " of vertex "
              + key.vertexId() + " on this TaskManager");
        }
        switch (mail.getKindCase()) {
          case TRIGGER_CHECKPOINT -> p.triggerCheckpoint(barrier(mail.getTriggerCheckpoint()));
          case CHECKPOINT_COMPLETE -> p.notifyCheckpointComplete(mail.getCheckpointComplete());
          case CHECKPOINT_ABORTED -> p.notifyCheckpointAborted(mail.getCheckpointAborted());
          case DRAIN -> p.drain();
          default -> throw new IllegalArgumentException("Empty mail for job " + name);
        }
      }
    }
  }

  private RemoteSplits splitsOf(TaskMail mail) {
    RemoteSplits s = splits.get(mail.getVertexId());
    if (s == null) {
      throw new IllegalArgumentException("Job " + name + " has no source vertex " + mail.getVertexId());
    }
    return s;
  }

  private static CheckpointBarrier barrier(weir.cluster.rpc.Barrier b) {
    return new CheckpointBarrier(b.getId(), b.getTimestamp(), b.getAlignmentTimeoutNanos());
  }

  @Override
  public boolean isStopping() {
    return stopping;
  }

  @Override
  public void onFailure(Tasklet tasklet, Throwable failure) {
    if (stopping && !failed.get()) {
      LOG.debug("Job {}: {} threw while being cancelled", name, tasklet.name(), failure);
      return;
    }
    if (failed.compareAndSet(false, true)) {
      LOG.warn("Job {}: {} failed", name, tasklet.name(), failure);
      reports.send(reports.of(jobId, attempt, 0, 0).setFailure(TaskFailure.newBuilder()
          .setTaskName(tasklet.name())
          .setMessage(String.valueOf(failure))
          .setError(serialized(failure))));
      cancel();
    }
  }

  private static ByteString serialized(Throwable t) {
    try {
      return ByteString.copyFrom(JavaSerialization.serialize(t));
    } catch (Exception e) {
      return ByteString.EMPTY; // the message is still reported
    }
  }

  @Override
  public void onWorkerDone() {
    if (runningWorkers.decrementAndGet() == 0) {
      ended();
    }
  }

  private void ended() {
    if (checkpoints != null) {
      checkpoints.close();
    }
    exchanges.close();
    LOG.info("Job {}: every subtask on this TaskManager has ended", name);
    reports.send(reports.of(jobId, attempt, 0, 0).setTasksEnded(Nothing.getDefaultInstance()));
    onEnded.run();
  }

  private <T> T withUserCode(java.util.concurrent.Callable<T> action) throws Exception {
    return weir.cluster.program.UserCodeClassLoader.callWith(userCode, action);
  }

}
