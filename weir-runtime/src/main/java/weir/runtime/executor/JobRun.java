package weir.runtime.executor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.api.environment.JobClient;
import weir.api.environment.JobExecutionException;
import weir.api.environment.JobExecutionResult;
import weir.api.environment.JobStatus;
import weir.runtime.operators.OperatorFailure;
import weir.runtime.source.SourceCoordinator;
import weir.runtime.task.SimpleCounter;
import weir.runtime.task.Tasklet;
import weir.runtime.task.Watchdog;
import weir.runtime.task.Worker;

/**
 * One run of a job in the embedded executor: its worker threads, its status and the handle the
 * client holds. The first failure wins: it stops every worker, and the job fails with a message
 * naming the operator and subtask and with the original exception as cause. The result future
 * completes only after every worker has closed its tasklets.
 */
final class JobRun implements JobClient, Worker.Listener {
  // not a constant: initializing the logger is slow in a fresh JVM and must not delay start-up
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(JobRun.class);
  }

  private final String jobId;
  private final String jobName;
  private final List<Thread> threads = new ArrayList<>();
  private final List<Thread> blockingThreads = new ArrayList<>();
  private final List<Map<String, SimpleCounter>> counters;
  private final List<SourceCoordinator<?>> coordinators;
  private final AtomicReference<JobStatus> status = new AtomicReference<>(JobStatus.CREATED);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicReference<String> failedTasklet = new AtomicReference<>();
  private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
  private final AtomicInteger runningWorkers = new AtomicInteger();
  private final Duration stallWarning;
  private volatile boolean stopping;
  private volatile Watchdog watchdog;
  private volatile Thread watchdogThread;
  private long startNanos;

  JobRun(String jobId, String jobName, List<Map<String, SimpleCounter>> counters, List<SourceCoordinator<?>> coordinators,
      Duration stallWarning) {
    this.stallWarning = stallWarning;
    this.jobId = jobId;
    this.jobName = jobName;
    this.counters = counters;
    this.coordinators = coordinators;
  }

  /** Starts one thread per worker and one per blocking tasklet. */
  void start(List<List<Tasklet>> workerTasklets, List<Tasklet> blocking) {
    List<List<Tasklet>> all = new ArrayList<>();
    for (List<Tasklet> w : workerTasklets) {
      if (!w.isEmpty()) {
        all.add(w);
      }
    }
    for (Tasklet t : blocking) {
      all.add(List.of(t));
    }
    runningWorkers.set(all.size());
    status.set(JobStatus.RUNNING);
    startNanos = System.nanoTime();
    int threadCount = all.size();
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Worker worker = new Worker(all.get(i), this);
      workers.add(worker);
      Thread thread = new Thread(worker, "weir-" + jobName + "-" + i);
      threads.add(thread);
      if (all.get(i).size() == 1 && all.get(i).get(0).isBlocking()) {
        blockingThreads.add(thread);
      }
    }
    if (threads.isEmpty()) {
      finish();
      return;
    }
    watchdog = new Watchdog(jobName, workers, stallWarning);
    // the first log line initializes logging, slow in a fresh JVM: done off the start-up path
    watchdogThread = new Thread(new Runnable() {
      @Override
      public void run() {
        Log.LOG.info("Job '{}' ({}) is RUNNING on {} threads", jobName, jobId, threadCount);
        watchdog.run();
      }
    }, "weir-" + jobName + "-watchdog");
    watchdogThread.setDaemon(true);
    threads.add(watchdogThread);
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

  @Override
  public void onWorkerDone() {
    if (runningWorkers.decrementAndGet() == 0) {
      finish();
    }
  }

  private void finish() {
    if (watchdog != null) {
      watchdog.stop();
      watchdogThread.interrupt();
    }
    for (SourceCoordinator<?> c : coordinators) {
      try {
        c.close();
      } catch (Exception e) {
        Log.LOG.warn("Job '{}': closing a split enumerator failed", jobName, e);
      }
    }
    Throwable t = failure.get();
    if (t != null) {
      status.set(JobStatus.FAILED);
      Log.LOG.info("Job '{}' ({}) is FAILED", jobName, jobId);
      result.completeExceptionally(failureException(t));
    } else if (status.get() == JobStatus.CANCELLING) {
      status.set(JobStatus.CANCELED);
      Log.LOG.info("Job '{}' ({}) is CANCELED", jobName, jobId);
      result.completeExceptionally(new JobExecutionException("Job '" + jobName + "' was cancelled", null));
    } else {
      status.set(JobStatus.FINISHED);
      Duration runtime = Duration.ofNanos(System.nanoTime() - startNanos);
      Log.LOG.info("Job '{}' ({}) is FINISHED after {} ms", jobName, jobId, runtime.toMillis());
      result.complete(new JobExecutionResult(jobId, jobName, runtime, sumCounters()));
    }
  }

  private JobExecutionException failureException(Throwable t) {
    String task = failedTasklet.get();
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

  private Map<String, Long> sumCounters() {
    Map<String, Long> sums = new HashMap<>();
    for (Map<String, SimpleCounter> subtask : counters) {
      subtask.forEach((name, c) -> sums.merge(name, c.getCount(), Long::sum));
    }
    return sums;
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
  public void cancel() {
    if (status.compareAndSet(JobStatus.RUNNING, JobStatus.CANCELLING)) {
      Log.LOG.info("Job '{}' ({}) is CANCELLING", jobName, jobId);
      stopping = true;
      interruptBlocking();
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


  /**
   * Interrupts the threads of blocking subtasks, whose user code may wait for a long time (a
   * sleep, a remote call) and would otherwise hold up the end of the job. Cooperative workers
   * never block and notice the stop between two calls.
   */
  private void interruptBlocking() {
    for (Thread thread : blockingThreads) {
      thread.interrupt();
    }
  }

  /** Waits for the worker threads to end, so none outlives the job once a waiter returns. */
  private void joinThreads() {
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

}
