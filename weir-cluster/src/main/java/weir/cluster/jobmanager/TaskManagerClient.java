package weir.cluster.jobmanager;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weir.cluster.rpc.CancelRequest;
import weir.cluster.rpc.DeployRequest;
import weir.cluster.rpc.TaskExecutorGatewayGrpc;
import weir.cluster.rpc.TaskMail;

/**
 * The JobManager's connection to one TaskManager's task executor. Calls go out one at a time, in
 * the order they were made, on a thread of their own: a source's split assignments and the
 * checkpoint marks after them reach the reader in the order the enumerator produced them.
 */
final class TaskManagerClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskManagerClient.class);

  private final String taskManagerId;
  private final ManagedChannel channel;
  private final TaskExecutorGatewayGrpc.TaskExecutorGatewayBlockingStub stub;
  private final ExecutorService sender;

  TaskManagerClient(String taskManagerId, String host, int rpcPort) {
    this.taskManagerId = taskManagerId;
    this.channel = NettyChannelBuilder.forAddress(host, rpcPort).usePlaintext().maxInboundMessageSize(256 << 20).build();
    this.stub = TaskExecutorGatewayGrpc.newBlockingStub(channel);
    this.sender = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "weir-to-" + taskManagerId);
      t.setDaemon(true);
      return t;
    });
  }

  String taskManagerId() {
    return taskManagerId;
  }

  /** Deploys an attempt's subtasks there; completes when they have started, or with the TaskManager's error. */
  CompletableFuture<Void> deploy(DeployRequest request) {
    return CompletableFuture.runAsync(() -> stub.withDeadlineAfter(60, TimeUnit.SECONDS).deploy(request), sender);
  }

  /** Cancels an attempt's subtasks there. */
  void cancel(String jobId, int attempt) {
    send(() -> stub.withDeadlineAfter(10, TimeUnit.SECONDS).cancel(CancelRequest.newBuilder().setJobId(jobId)
        .setAttempt(attempt).build()), e -> LOG.warn("Cannot cancel attempt {} of job {} on TaskManager {}: {}", attempt,
        jobId, taskManagerId, e.getStatus()));
  }

  /** Sends a mail to a subtask there; {@code onError} hears if it could not be delivered. */
  void deliver(TaskMail mail, Consumer<StatusRuntimeException> onError) {
    send(() -> stub.withDeadlineAfter(10, TimeUnit.SECONDS).deliver(mail), onError);
  }

  private void send(Runnable call, Consumer<StatusRuntimeException> onError) {
    try {
      sender.execute(() -> {
        try {
          call.run();
        } catch (StatusRuntimeException e) {
          onError.accept(e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("TaskManager {} is gone; dropping a call to it", taskManagerId);
    }
  }

  @Override
  public void close() {
    sender.shutdownNow();
    channel.shutdownNow();
  }
}
