package weir.cluster.taskmanager;

import io.grpc.StatusRuntimeException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.cluster.rpc.JobManagerGatewayGrpc;
import weir.cluster.rpc.TaskReport;

/**
 * Sends the reports of this TaskManager's subtasks to the JobManager, one at a time in the order
 * they were made, off the subtasks' threads. A report the JobManager cannot take is logged and
 * dropped: the JobManager then sees the subtask through its heartbeat and checkpoint timeouts.
 */
final class Reports implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Reports.class);

  private final String taskManagerId;
  private final JobManagerGatewayGrpc.JobManagerGatewayBlockingStub gateway;
  private final ExecutorService sender;

  Reports(String taskManagerId, JobManagerGatewayGrpc.JobManagerGatewayBlockingStub gateway) {
    this.taskManagerId = taskManagerId;
    this.gateway = gateway;
    this.sender = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "weir-reports-" + taskManagerId);
      t.setDaemon(true);
      return t;
    });
  }

  /** A report builder with this TaskManager's id and the subtask filled in. */
  TaskReport.Builder of(String jobId, int attempt, int vertexId, int subtask) {
    return TaskReport.newBuilder().setJobId(jobId).setAttempt(attempt).setTaskManagerId(taskManagerId)
        .setVertexId(vertexId).setSubtask(subtask);
  }

  /** Queues {@code report} for sending. */
  void send(TaskReport.Builder report) {
    TaskReport r = report.build();
    sender.execute(() -> {
      try {
        gateway.withDeadlineAfter(10, TimeUnit.SECONDS).reportTask(r);
      } catch (StatusRuntimeException e) {
        LOG.warn("TaskManager {}: cannot report {} of job {} attempt {} to the JobManager: {}", taskManagerId,
            r.getKindCase(), r.getJobId(), r.getAttempt(), e.getStatus());
      }
    });
  }

  @Override
  public void close() {
    sender.shutdownNow();
  }
}
