package weir.cluster.jobmanager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.cluster.program.Program;
import weir.cluster.program.UserCodeClassLoader;
import weir.cluster.rpc.TaskReport;
import weir.runtime.graph.JobGraph;

/**
 * The jobs of a JobManager and what they share: the slot pool, the connections to the
 * TaskManagers, the folder of submitted jars. A submitted jar is stored under its job's id, its
 * program's {@code main} run in the job's class loader to obtain the JobGraph, and the job
 * started; the jar and class loader are dropped when the job ends. Thread-safe.
 */
final class Jobs implements ClusterJob.Cluster, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

  /** A submission the JobManager refuses; its message says why and what to do. */
  static final class SubmissionException extends Exception {
    SubmissionException(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  private final TaskManagerRegistry registry;
  private final SlotPool slots;
  private final Path folder;
  private final Function<String, String> jarUrls;
  private final Map<String, ClusterJob> jobs = new ConcurrentHashMap<>();
  private final Map<String, UserCodeClassLoader> loaders = new ConcurrentHashMap<>();
  private final Map<String, TaskManagerClient> clients = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "weir-jobs-timer");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param folder where submitted jars are kept while their jobs run
   * @param jarUrls the URL TaskManagers fetch a job's jar from, by job id
   */
  Jobs(TaskManagerRegistry registry, Path folder, Function<String, String> jarUrls) {
    this.registry = registry;
    this.slots = new SlotPool(registry);
    this.folder = folder;
    this.jarUrls = jarUrls;
  }

  /**
   * Submits the program in {@code uploadedJar} (moved into the job's folder); returns the job.
   *
   * @throws SubmissionException when the program cannot be run or its job cannot start
   */
  ClusterJob submit(Path uploadedJar, @Nullable String entryClass, List<String> args, int parallelism,
      @Nullable String savepointPath) throws SubmissionException {
    String id = UUID.randomUUID().toString().replace("-", "");
    Path jobFolder = folder.resolve(id);
    UserCodeClassLoader loader = null;
    try {
      Files.createDirectories(jobFolder);
      Path jar = Files.move(uploadedJar, jobFolder.resolve("job.jar"), StandardCopyOption.REPLACE_EXISTING);
      loader = new UserCodeClassLoader(jar, Jobs.class.getClassLoader());
      JobGraph graph = new Program(jar, entryClass, args, parallelism, savepointPath).jobGraph(loader, id);
      loaders.put(id, loader);
      ClusterJob job = new ClusterJob(id, graph, loader, this);
      jobs.put(id, job);
      try {
        job.start();
      } catch (IllegalStateException e) {
        throw new SubmissionException(e.getMessage(), e);
      }
      return job;
    } catch (Program.ProgramException e) {
      cleanUp(id, jobFolder, loader);
      throw new SubmissionException(e.getMessage(), e.getCause());
    } catch (SubmissionException e) {
      jobs.remove(id);
      cleanUp(id, jobFolder, null);
      throw e;
    } catch (Exception e) {
      cleanUp(id, jobFolder, loader);
      throw new SubmissionException("Cannot start the job of " + uploadedJar.getFileName() + ": " + e.getMessage(), e);
    }
  }

  private void cleanUp(String id, Path jobFolder, @Nullable UserCodeClassLoader loader) {
    UserCodeClassLoader registered = loaders.remove(id);
    for (UserCodeClassLoader l : new UserCodeClassLoader[] {loader, registered}) {
      if (l != null) {
        try {
          l.close();
        } catch (IOException e) {
          LOG.debug("closing the class loader of job {}", id, e);
        }
      }
    }
    try {
      Files.deleteIfExists(jobFolder.resolve("job.jar"));
      Files.deleteIfExists(jobFolder);
    } catch (IOException e) {
      LOG.warn("Cannot delete the jar of job {} in {}", id, jobFolder, e);
    }
  }

  /** The job with {@code id}. */
  Optional<ClusterJob> get(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** Every job, the latest submitted first. */
  List<ClusterJob> list() {
    List<ClusterJob> all = new ArrayList<>(jobs.values());
    all.sort(Comparator.comparing(ClusterJob::submitted).reversed());
    return all;
  }

  /** The stored jar of a running job, or empty once it has ended. */
  Optional<Path> jar(String id) {
    Path jar = folder.resolve(id).resolve("job.jar");
    return jobs.containsKey(id) && Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
  }

  /** A TaskManager's report, for the job it names. */
  void report(TaskReport report) throws Exception {
    ClusterJob job = jobs.get(report.getJobId());
    if (job != null) {
      job.onReport(report);
    }
  }

  /** The figures of subtasks from a TaskManager's heartbeat, for their jobs. */
  void subtaskStats(List<weir.cluster.rpc.SubtaskStats> stats) {
    for (weir.cluster.rpc.SubtaskStats s : stats) {
      ClusterJob job = jobs.get(s.getJobId());
      if (job != null) {
        job.updateStats(s);
      }
    }
  }

  /** A TaskManager registered; a registration that replaces an earlier one means its subtasks are gone. */
  void taskManagerRegistered(TaskManagerRegistry.TaskManagerInfo tm) {
    TaskManagerClient old = clients.put(tm.id(), new TaskManagerClient(tm.id(), tm.host(), tm.rpcPort()));
    if (old != null) {
      old.close();
      jobs.values().forEach(j -> j.onTaskManagerLost(tm.id()));
    }
  }

  /** TaskManagers were taken for lost. */
  void taskManagersLost(List<String> ids) {
    for (String id : ids) {
      TaskManagerClient client = clients.remove(id);
      if (client != null) {
        client.close();
      }
      jobs.values().forEach(j -> j.onTaskManagerLost(id));
    }
  }

  @Override
  public SlotPool slots() {
    return slots;
  }

  @Override
  @Nullable
  public TaskManagerClient client(String taskManagerId) {
    return clients.get(taskManagerId);
  }

  @Override
  public Optional<TaskManagerRegistry.TaskManagerInfo> taskManager(String taskManagerId) {
    return registry.registered(taskManagerId);
  }

  @Override
  public String jarUrl(String jobId) {
    return loaders.containsKey(jobId) ? jarUrls.apply(jobId) : "";
  }

  @Override
  public ScheduledExecutorService timer() {
    return timer;
  }

  @Override
  public void ended(ClusterJob job) {
    // after the reports of the ended attempt: TaskManagers no longer fetch the jar
    timer.execute(() -> cleanUp(job.id(), folder.resolve(job.id()), null));
  }

  @Override
  public void close() {
    timer.shutdownNow();
    clients.values().forEach(TaskManagerClient::close);
    jobs.values().forEach(ClusterJob::cancel);
  }
}
