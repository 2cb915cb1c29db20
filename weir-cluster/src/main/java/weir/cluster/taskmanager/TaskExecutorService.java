package weir.cluster.taskmanager;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.cluster.rpc.CancelRequest;
import weir.cluster.rpc.DeployRequest;
import weir.cluster.rpc.Done;
import weir.cluster.rpc.TaskExecutorGatewayGrpc;
import weir.cluster.rpc.TaskMail;

/**
 * The TaskManager's side of the control plane: deploys the subtasks of job attempts, cancels
 * them, and hands them the JobManager's mails. Each attempt runs as an {@link AttemptExecution}.
 */
final class TaskExecutorService extends TaskExecutorGatewayGrpc.TaskExecutorGatewayImplBase {
  private static final Logger LOG = LoggerFactory.getLogger(TaskExecutorService.class);

  private final String taskManagerId;
  private final Reports reports;
  private final JobJars jars;
  private final NetworkExchanges.Factory network;
  private final int workers;
  private final Map<String, AttemptExecution> attempts = new ConcurrentHashMap<>();

  TaskExecutorService(String taskManagerId, Reports reports, JobJars jars, NetworkExchanges.Factory network,
      int workers) {
    this.taskManagerId = taskManagerId;
    this.reports = reports;
    this.jars = jars;
    this.network = network;
    this.workers = workers;
  }

  private static String key(String jobId, int attempt) {
    return jobId + "#" + attempt;
  }

  @Override
  public void deploy(DeployRequest request, StreamObserver<Done> response) {
    String key = key(request.getJobId(), request.getAttempt());
    try {
      ClassLoader userCode = jars.classLoader(request.getJobId(), request.getJarUrl());
      AttemptExecution execution = new AttemptExecution(request, taskManagerId, userCode, reports, network, workers,
          () -> ended(request.getJobId(), key));
      if (attempts.putIfAbsent(key, execution) != null) {
        throw new IllegalStateException("attempt " + request.getAttempt() + " of job " + request.getJobId()
            + " is already deployed here");
      }
      execution.start();
      response.onNext(Done.getDefaultInstance());
      response.onCompleted();
    } catch (Exception | LinkageError e) {
      LOG.warn("TaskManager {}: deploying attempt {} of job {} failed", taskManagerId, request.getAttempt(),
          request.getJobId(), e);
      response.onError(Status.FAILED_PRECONDITION.withDescription("TaskManager " + taskManagerId
          + " cannot deploy attempt " + request.getAttempt() + " of job " + request.getJobId() + ": " + e)
          .asRuntimeException());
    }
  }

  @Override
  public void cancel(CancelRequest request, StreamObserver<Done> response) {
    AttemptExecution execution = attempts.get(key(request.getJobId(), request.getAttempt()));
    if (execution != null) {
      execution.cancel();
    }
    response.onNext(Done.getDefaultInstance());
    response.onCompleted();
  }

  @Override
  public void deliver(TaskMail mail, StreamObserver<Done> response) {
    AttemptExecution execution = attempts.get(key(mail.getJobId(), mail.getAttempt()));
    try {
      if (execution == null) {
        throw new IllegalStateException("no attempt " + mail.getAttempt() + " of job " + mail.getJobId()
            + " runs on TaskManager " + taskManagerId);
      }
      execution.deliver(mail);
      response.onNext(Done.getDefaultInstance());
      response.onCompleted();
    } catch (Exception e) {
      response.onError(Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  private void ended(String jobId, String key) {
    attempts.remove(key);
    if (attempts.keySet().stream().noneMatch(k -> k.startsWith(jobId + "#"))) {
      jars.release(jobId);
    }
  }

  /** The subtasks of every attempt running here. */
  java.util.List<SubtaskMonitor.Running> running() {
    java.util.List<SubtaskMonitor.Running> all = new java.util.ArrayList<>();
    attempts.values().forEach(a -> all.addAll(a.running()));
    return all;
  }

  /** Cancels every attempt running here (the JobManager was lost). */
  void cancelAll() {
    attempts.values().forEach(AttemptExecution::cancel);
  }
}
