package weir.runtime.executor;

import java.util.LinkedHashMap;
import javax.annotation.Nullable;
import weir.api.checkpoint.CheckpointConfig;
import weir.api.checkpoint.SavepointRestoreSettings;
import weir.runtime.checkpoint.CheckpointCoordinator;
import weir.runtime.checkpoint.CheckpointMetadata;
import weir.runtime.checkpoint.CheckpointStorage;
import weir.runtime.checkpoint.StateAssignment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import weir.api.connector.sink.lib.CollectSink;
import weir.api.environment.CloseableIterator;
import weir.api.environment.JobClient;
import weir.api.environment.PipelineExecutor;
import weir.api.graph.Pipeline;
import weir.runtime.graph.JavaSerialization;
import weir.runtime.graph.JobGraph;
import weir.runtime.graph.JobGraphBuilder;
import weir.runtime.graph.JobVertex;
import weir.runtime.graph.StreamNode;
import weir.runtime.sink.CollectChannel;
import weir.runtime.source.SourceCoordinator;
import weir.runtime.task.Tasklet;

/**
 * Runs jobs in this process: chains the pipeline into a job graph, wires in-memory exchanges,
 * and spreads the subtasks round robin over a fixed number of cooperative worker threads (blocking
 * subtasks get threads of their own).
 */
public final class EmbeddedExecutor implements PipelineExecutor {
  /** The name users select this executor by. */
  public static final String NAME = "embedded";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public JobClient execute(Pipeline pipeline) throws Exception {
    return run(JobGraphBuilder.build(pipeline), null);
  }

  @Override
  public <T> CloseableIterator<T> executeAndCollect(Pipeline pipeline, String collectId) throws Exception {
    Map<String, CollectChannel> channels = new ConcurrentHashMap<>();
    run(JobGraphBuilder.build(pipeline), channels);
    CollectChannel channel = channels.get(collectId);
    if (channel == null) {
      throw new IllegalStateException("Bug in executeAndCollect: the job has no collect sink '" + collectId + "'");
    }
    return channel.iterator();
  }

  /** Runs a job graph; public so a deserialized graph (as a cluster receives it) can be run. */
  public JobClient execute(JobGraph job) throws Exception {
    return run(job, null);
  }

  private JobRun run(JobGraph job, Map<String, CollectChannel> collectChannels) throws Exception {
    if (job.config().isSerializeJobGraph()) {
      job = roundTrip(job);
    }
    JobGraph graph = job;
    Map<String, CollectChannel> channels = collectChannels != null ? collectChannels : new HashMap<>();
    CheckpointConfig checkpointConfig = job.config().getCheckpointConfig();
    JobRun[] self = new JobRun[1];
    CheckpointStorage.Loaded savepoint = loadSavepoint(job);
    CheckpointCoordinator checkpoints = null;
    if (checkpointConfig.isCheckpointingEnabled()) {
      Map<Integer, Integer> parallelism = new LinkedHashMap<>();
      for (JobVertex v : job.vertices()) {
        parallelism.put(v.id(), v.parallelism());
      }
      CheckpointStorage storage = new CheckpointStorage(
          checkpointConfig.getCheckpointDirectory().resolve(job.jobId()));
      long firstId = savepoint == null ? 1 : savepoint.metadata().id() + 1;
      checkpoints = new CheckpointCoordinator(job.jobName(), checkpointConfig, storage, firstId, parallelism,
          cause -> self[0].failFromCheckpoints(cause));
    }
    CheckpointCoordinator coordinator = checkpoints;
    weir.runtime.sink.DeadLetters.Log deadLetters = new weir.runtime.sink.DeadLetters.Log(job.jobName());
    JobRun run = new JobRun(job.jobId(), job.jobName(), (attempt, restore) -> deploy(graph, attempt, restore,
        coordinator, channels, deadLetters), new RestartPolicy(job.config().getRestartStrategy()), checkpoints,
        job.config().getStallWarning(), deadLetters);
    self[0] = run;
    for (JobVertex v : job.vertices()) {
      for (StreamNode n : v.operators()) {
        if (n.sink() instanceof CollectSink<?> c) {
          channels.put(c.id(), new CollectChannel(run.getJobExecutionResult(), run::cancel));
        }
      }
    }
    run.start(savepoint);
    return run;
  }

  /**
   * The savepoint the job starts from, checked against the job: state of an operator uid the job
   * does not have is an error unless the settings allow it.
   */
  @Nullable
  public static CheckpointStorage.Loaded loadSavepoint(JobGraph job) throws Exception {
    SavepointRestoreSettings settings = job.config().getSavepointRestoreSettings();
    if (settings == null) {
      return null;
    }
    java.nio.file.Path folder = java.nio.file.Path.of(settings.path());
    CheckpointStorage.Loaded loaded;
    try {
      loaded = CheckpointStorage.loadFolder(folder);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("Cannot restore job '" + job.jobName() + "' from savepoint " + folder + ": "
          + e.getMessage() + " (give the folder that holds the savepoint's _metadata)", e);
    }
    java.util.Set<String> uids = new java.util.HashSet<>();
    for (JobVertex v : job.vertices()) {
      for (StreamNode n : v.operators()) {
        uids.add(n.stateUid());
      }
    }
    java.util.Set<String> unclaimed = new java.util.TreeSet<>(new StateAssignment(loaded).uids());
    unclaimed.addAll(loaded.metadata().enumerators().keySet());
    unclaimed.removeAll(uids);
    if (!unclaimed.isEmpty() && !settings.allowNonRestoredState()) {
      throw new IllegalArgumentException("Savepoint " + folder + " holds state of operators " + unclaimed
          + " that job '" + job.jobName() + "' does not have: give those operators their uid(...) again, or "
          + "restore with allowNonRestoredState to drop that state");
    }
    return loaded;
  }

  /** Wires one attempt of the job: exchanges, source coordinators and a task per subtask. */
  private static JobRun.Deployment deploy(JobGraph job, int attempt, @Nullable CheckpointStorage.Loaded restore,
      @Nullable CheckpointCoordinator checkpoints, Map<String, CollectChannel> channels,
      weir.runtime.sink.DeadLetters deadLetters) throws Exception {
    StateAssignment assignment = restore == null ? null : new StateAssignment(restore);
    ExchangeWiring wiring = new ExchangeWiring(job);
    List<SourceCoordinator<?>> coordinators = new ArrayList<>();
    Map<Integer, SourceCoordinator<?>> coordinatorOf = new HashMap<>();
    for (JobVertex v : job.vertices()) {
      StreamNode head = v.head();
      if (head.kind() == StreamNode.Kind.SOURCE) {
        CheckpointMetadata.VersionedBytes enumerator =
            restore == null ? null : restore.metadata().enumerators().get(head.stateUid());
        SourceCoordinator<?> c = new SourceCoordinator<>(head.name(), head.stateUid(), head.source(), v.parallelism(),
            enumerator);
        coordinators.add(c);
        coordinatorOf.put(v.id(), c);
      }
    }
    AttemptTasks tasks = AttemptTasks.build(job, attempt, assignment, wiring, ExchangeWiring.Placement.ALL,
        coordinatorOf::get, checkpoints, channels, deadLetters);
    List<Tasklet> blocking = new ArrayList<>();
    List<List<Tasklet>> perWorker = AttemptTasks.spread(tasks.tasks(), job.config().getWorkerThreads(), blocking);
    return new JobRun.Deployment(perWorker, blocking, coordinators, tasks.counters(), tasks.participants());
  }

  /** Serializes and deserializes the job graph, as shipping it to a cluster would. */
  static JobGraph roundTrip(JobGraph job) throws IOException, ClassNotFoundException {
    return (JobGraph) JavaSerialization.deserialize(JavaSerialization.serialize(job));
  }
}
