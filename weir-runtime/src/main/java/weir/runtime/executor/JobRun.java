package weir.runtime.executor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.api.checkpoint.CheckpointStats;
import weir.api.environment.JobClient;
import weir.api.environment.JobExecutionException;
import weir.api.environment.JobExecutionResult;
import weir.api.environment.JobStatus;
import weir.runtime.checkpoint.CheckpointCoordinator;
import weir.runtime.checkpoint.CheckpointStorage;
import weir.runtime.operators.OperatorFailure;
import weir.runtime.source.SourceCoordinator;
import weir.runtime.task.SimpleCounter;
import weir.runtime.task.StreamTask;
import weir.runtime.task.Tasklet;
import weir.runtime.task.Watchdog;
import weir.runtime.task.Worker;

/**
 * One run of a job in the embedded executor and the handle the client holds. The job runs in
 * attempts: each is a set of worker threads over freshly deployed tasks. In an attempt the first
 * failure wins: it stops every worker. Then the restart strategy decides: another attempt,
 * restored from the latest intact checkpoint, after a delay; or the job fails with a message
 * naming the operator and subtask and with the original exception as cause. The result future
 * completes only after every worker has closed its tasklets.
 */
final class JobRun implements JobClient {
  // not a constant: initializing the logger is slow in a fresh JVM and must not delay start-up
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(JobRun.class);
  }

  /** Builds the tasks of one attempt, restored from a checkpoint or fresh. */
  interface Deployer {
    Deployment deploy(int attempt, @Nullable CheckpointStorage.Loaded restore) throws Exception;
  }

  /** The tasks of one attempt. */
  record Deployment(List<List<Tasklet>> workerTasklets, List<Tasklet> blocking, List<SourceCoordinator<?>> coordinators,
      List<Map<String, SimpleCounter>> counters, List<CheckpointCoordinator.Participant> participants) {}

  private final String jobId;
  private final String jobName;
  private final Deployer deployer;
  private final RestartPolicy restartPolicy;
  @Nullable private final CheckpointCoordinator checkpoints;
  private final Duration stallWarning;
  private final weir.runtime.sink.DeadLetters.Log deadLetters;
  private final List<Thread> allThreads = new CopyOnWriteArrayList<>();
  private final List<Map<String, SimpleCounter>> counters = new CopyOnWriteArrayList<>();
  private final AtomicReference<JobStatus> status = new AtomicReference<>(JobStatus.CREATED);
  private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
  private volatile Attempt current;
  // the job stops after a savepoint: it ends FINISHED, not CANCELED
  private volatile boolean stoppedWithSavepoint;
  private long startNanos;

  JobRun(String jobId, String jobName, Deployer deployer, RestartPolicy restartPolicy,
      @Nullable CheckpointCoordinator checkpoints, Duration stallWarning, weir.runtime.sink.DeadLetters.Log deadLetters) {
    this.deadLetters = deadLetters;
    this.jobId = jobId;
    this.jobName = jobName;
    this.deployer = deployer;
    this.restartPolicy = restartPolicy;
    this.checkpoints = checkpoints;
    this.stallWarning = stallWarning;
  }

  /** Deploys and starts the first attempt. */
  void start(@Nullable CheckpointStorage.Loaded restore) throws Exception {
    startNanos = System.nanoTime();
    status.set(JobStatus.RUNNING);
    startAttempt(0, restore);
  }

  private void startAttempt(int number, @Nullable CheckpointStorage.Loaded restore) throws Exception {
    Deployment d = deployer.deploy(number, restore);
    counters.addAll(d.counters());
    Attempt attempt = new Attempt(number, d);
    current = attempt;
    for (SourceCoordinator<?> c : d.coordinators()) {
      c.start();
    }
    if (checkpoints != null) {
      checkpoints.start(d.participants(), d.coordinators());
    }
    attempt.start();
  }

  /** One deployment of the job's tasks and the threads running them. */
  private final class Attempt implements Worker.Listener {
    final int number;
    final Deployment deployment;
    final List<Thread> blockingThreads = new ArrayList<>();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final AtomicReference<String> failedTasklet = new AtomicReference<>();
    final AtomicInteger runningWorkers = new AtomicInteger();
    volatile boolean stopping;
    volatile Watchdog watchdog;
    volatile Thread watchdogThread;

    Attempt(int number, Deployment deployment) {
      this.number = number;
      this.deployment = deployment;
    }

    void start() {
      List<List<Tasklet>> all = new ArrayList<>();
      for (List<Tasklet> w : deployment.workerTasklets()) {
        if (!w.isEmpty()) {
          all.add(w);
        }
      }
      for (Tasklet t : deployment.blocking()) {
        all.add(List.of(t));
      }
      runningWorkers.set(all.size());
      int threadCount = all.size();
      List<Worker> workers = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        Worker worker = new Worker(all.get(i), this);
        workers.add(worker);
        Thread thread = new Thread(worker, "weir-" + jobName + "-" + i + (number > 0 ? "-attempt-" + number : ""));
        threads.add(thread);
        if (all.get(i).size() == 1 && all.get(i).get(0).isBlocking()) {
          blockingThreads.add(thread);
        }
      }
      if (threads.isEmpty()) {
        attemptEnded(this);
        return;
      }
      watchdog = new Watchdog(jobName, workers, stallWarning);
      // the first log line initializes logging, slow in a fresh JVM: done off the start-up path
      watchdogThread = new Thread(new Runnable() {
        @Override
        public void run() {
          Log.LOG.info("Job '{}' ({}) is RUNNING on {} threads{}", jobName, jobId, threadCount,
              number > 0 ? " (attempt " + number + ")" : "");
          watchdog.run();
        }
      }, "weir-" + jobName + "-watchdog");
      watchdogThread.setDaemon(true);
      threads.add(watchdogThread);
      allThreads.addAll(threads);
      for (Thread thread : threads) {
        thread.start();
      }
    }

    @Override
    public boolean isStopping() {
      return stopping;
    }

    @Override
    public void onFailure(Tasklet tasklet, Throwable t) {
      if (status.get() == JobStatus.CANCELLING) {
        // user code interrupted or torn down by the cancellation: not a failure of the job
        Log.LOG.debug("Job '{}': task '{}' threw while being cancelled", jobName, tasklet.name(), t);
        return;
      }
      if (failure.compareAndSet(null, t)) {
        failedTasklet.set(tasklet.name());
        stopping = true;
        Log.LOG.warn("Job '{}': task '{}' failed, stopping the job", jobName, tasklet.name(), t);
        interruptBlocking();
      } else if (failure.get() != t) {
        failure.get().addSuppressed(t);
      }
    }

    /** Fails the attempt from outside its tasks (a checkpoint failure the job does not tolerate). */
    void fail(Throwable t) {
      if (failure.compareAndSet(null, t)) {
        failedTasklet.set("checkpoint coordinator (1/1)");
        stopping = true;
        Log.LOG.warn("Job '{}': stopping the job", jobName, t);
        interruptBlocking();
      }
    }

    void stop() {
      stopping = true;
      interruptBlocking();
    }

    @Override
    public void onWorkerDone() {
      if (runningWorkers.decrementAndGet() == 0) {
        attemptEnded(this);
      }
    }

    /**
     * Interrupts the threads of blocking subtasks, whose user code may wait for a long time (a
     * sleep, a remote call) and would otherwise hold up the end of the job. Cooperative workers
     * never block and notice the stop between two calls.
     */
    void interruptBlocking() {
      for (Thread thread : blockingThreads) {
        thread.interrupt();
      }
    }
  }

  /** Called by the checkpoint coordinator when checkpoint failures exceed what is tolerated. */
  void failFromCheckpoints(Throwable t) {
    Attempt a = current;
    if (a != null) {
      a.fail(t);
    }
  }

  private void attemptEnded(Attempt a) {
    if (a.watchdog != null) {
      a.watchdog.stop();
      a.watchdogThread.interrupt();
    }
    for (SourceCoordinator<?> c : a.deployment.coordinators()) {
      try {
        c.close();
      } catch (Exception e) {
        Log.LOG.warn("Job '{}': closing a split enumerator failed", jobName, e);
      }
    }
    Throwable t = a.failure.get();
    if (t != null && status.get() == JobStatus.RUNNING) {
      Duration delay = restartPolicy.onFailure(System.currentTimeMillis());
      if (delay != null && status.compareAndSet(JobStatus.RUNNING, JobStatus.RESTARTING)) {
        if (checkpoints != null) {
          checkpoints.stopAttempt();
        }
        Log.LOG.info("Job '{}' ({}) is RESTARTING in {} ms (restart {})", jobName, jobId, delay.toMillis(),
            restartPolicy.restarts());
        Thread restarter = new Thread(() -> restart(a, delay), "weir-" + jobName + "-restart");
        restarter.setDaemon(true);
        restarter.start();
        return;
      }
    }
    finish(a);
  }

  private void restart(Attempt failed, Duration delay) {
    try {
      TimeUnit.MILLISECONDS.sleep(delay.toMillis());
      CheckpointStorage.Loaded restore = null;
      if (checkpoints != null) {
        Optional<CheckpointStorage.Loaded> latest = checkpoints.storage().loadLatest();
        if (latest.isEmpty() && !checkpoints.stats().isEmpty()) {
          throw new IllegalStateException("Job '" + jobName + "' completed checkpoints but none in "
              + checkpoints.storage().directory() + " is intact; restarting from the beginning would repeat output");
        }
        restore = latest.orElse(null);
      }
      if (!status.compareAndSet(JobStatus.RESTARTING, JobStatus.RUNNING)) {
        finish(failed); // cancelled while waiting
        return;
      }
      startAttempt(failed.number + 1, restore);
    } catch (Exception e) {
      failed.failure.get().addSuppressed(e);
      status.set(JobStatus.RUNNING);
      finish(failed);
    }
  }

  private void finish(Attempt a) {
    if (checkpoints != null) {
      checkpoints.shutdown();
    }
    Throwable t = a.failure.get();
    if (stoppedWithSavepoint && status.get() == JobStatus.CANCELLING) {
      status.set(JobStatus.FINISHED);
      Log.LOG.info("Job '{}' ({}) is FINISHED: stopped with a savepoint", jobName, jobId);
      result.complete(new JobExecutionResult(jobId, jobName, Duration.ofNanos(System.nanoTime() - startNanos),
          sumCounters()));
    } else if (status.get() == JobStatus.CANCELLING) {
      status.set(JobStatus.CANCELED);
      Log.LOG.info("Job '{}' ({}) is CANCELED", jobName, jobId);
      result.completeExceptionally(new JobExecutionException("Job '" + jobName + "' was cancelled", null));
    } else if (t != null) {
      status.set(JobStatus.FAILED);
      Log.LOG.info("Job '{}' ({}) is FAILED", jobName, jobId);
      result.completeExceptionally(failureException(a, t));
    } else {
      status.set(JobStatus.FINISHED);
      Duration runtime = Duration.ofNanos(System.nanoTime() - startNanos);
      Log.LOG.info("Job '{}' ({}) is FINISHED after {} ms", jobName, jobId, runtime.toMillis());
      result.complete(new JobExecutionResult(jobId, jobName, runtime, sumCounters()));
    }
  }

  private JobExecutionException failureException(Attempt a, Throwable t) {
    String task = a.failedTasklet.get();
    String subtask = task.substring(task.lastIndexOf('(') + 1, task.length() - 1);
    Throwable cause = t;
    String operator = task.substring(0, task.lastIndexOf(" ("));
    if (t instanceof OperatorFailure f) {
      operator = f.operatorName();
      cause = f.getCause();
    }
    return new JobExecutionException(
        "Job '" + jobName + "' failed: operator '" + operator + "' (subtask " + subtask + ") threw " + cause, cause);
  }

  /** Counters summed over subtasks and attempts: work repeated after a restart counts again. */
  private Map<String, Long> sumCounters() {
    Map<String, Long> sums = new HashMap<>();
    for (Map<String, SimpleCounter> subtask : counters) {
      subtask.forEach((name, c) -> sums.merge(name, c.getCount(), Long::sum));
    }
    return sums;
  }

  /** What monitoring sees of the current attempt's subtasks, also once the job has ended. */
  List<StreamTask.Stats> taskStats() {
    List<StreamTask.Stats> stats = new ArrayList<>();
    Attempt attempt = current;
    if (attempt != null) {
      List<Tasklet> all = new ArrayList<>(attempt.deployment.blocking());
      attempt.deployment.workerTasklets().forEach(all::addAll);
      for (Tasklet t : all) {
        if (t instanceof StreamTask task) {
          stats.add(task.stats());
        }
      }
    }
    return stats;
  }

  @Override
  public String getJobId() {
    return jobId;
  }

  @Override
  public JobStatus getJobStatus() {
    return status.get();
  }

  @Override
  public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
    return result;
  }

  @Override
  public CompletableFuture<Long> triggerCheckpoint() {
    if (checkpoints == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("Job '" + jobName
          + "' runs without checkpoints: turn them on with StreamExecutionEnvironment.enableCheckpointing"));
    }
    return checkpoints.triggerCheckpoint();
  }

  @Override
  public List<weir.api.connector.sink.lib.DeadLetter> getDeadLetters() {
    return deadLetters.entries().stream()
        .map(e -> new weir.api.connector.sink.lib.DeadLetter(e.record(), e.error())).toList();
  }

  @Override
  public List<CheckpointStats> getCheckpointStats() {
    return checkpoints == null ? List.of() : checkpoints.stats();
  }

  @Override
  public CompletableFuture<java.nio.file.Path> triggerSavepoint(java.nio.file.Path directory) {
    if (checkpoints == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("Job '" + jobName
          + "' runs without checkpoints, which savepoints need: turn them on with StreamExecutionEnvironment.enableCheckpointing"));
    }
    return checkpoints.triggerSavepoint(directory);
  }

  @Override
  public CompletableFuture<java.nio.file.Path> stopWithSavepoint(java.nio.file.Path directory) {
    return stopWithSavepoint(directory, false);
  }

  @Override
  public CompletableFuture<java.nio.file.Path> stopWithSavepoint(java.nio.file.Path directory, boolean drain) {
    if (checkpoints == null) {
      return triggerSavepoint(directory);
    }
    if (drain) {
      // the drained job ends by itself once the savepoint, its final checkpoint, is complete
      return checkpoints.drainWithSavepoint(directory);
    }
    return checkpoints.triggerSavepoint(directory, true).thenApply(folder -> {
      stoppedWithSavepoint = true;
      cancel();
      return folder;
    });
  }

  @Override
  public void cancel() {
    if (status.compareAndSet(JobStatus.RUNNING, JobStatus.CANCELLING)
        || status.compareAndSet(JobStatus.RESTARTING, JobStatus.CANCELLING)) {
      Log.LOG.info("Job '{}' ({}) is CANCELLING", jobName, jobId);
      Attempt a = current;
      if (a != null) {
        a.stop();
      }
    }
  }

  @Override
  public JobExecutionResult await() throws JobExecutionException {
    try {
      return await(Long.MAX_VALUE);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Bug: waiting without a timeout timed out", e);
    }
  }

  @Override
  public JobExecutionResult await(Duration timeout) throws JobExecutionException, TimeoutException {
    return await(timeout.toNanos());
  }

  private JobExecutionResult await(long timeoutNanos) throws JobExecutionException, TimeoutException {
    try {
      JobExecutionResult r = result.get(timeoutNanos, TimeUnit.NANOSECONDS);
      joinThreads();
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobExecutionException("Interrupted while waiting for job '" + jobName + "'", e);
    } catch (ExecutionException e) {
      joinThreads();
      throw (JobExecutionException) e.getCause();
    }
  }

  /** Waits for the worker threads to end, so none outlives the job once a waiter returns. */
  private void joinThreads() {
    for (Thread t : allThreads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
