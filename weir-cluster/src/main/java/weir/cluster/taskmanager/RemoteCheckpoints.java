package weir.cluster.taskmanager;

import com.google.protobuf.ByteString;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import weir.api.checkpoint.CheckpointConfig;
import weir.cluster.rpc.CheckpointAck;
import weir.cluster.rpc.CheckpointDecline;
import weir.cluster.rpc.Nothing;
import weir.runtime.checkpoint.CheckpointCoordinator;
import weir.runtime.checkpoint.CheckpointGateway;
import weir.runtime.checkpoint.CheckpointStorage;
import weir.runtime.checkpoint.TaskSnapshot;
import weir.runtime.graph.JavaSerialization;

/**
 * The checkpoint coordinator as the subtasks on this TaskManager see it. The coordinator runs on
 * the JobManager; a subtask's acknowledgement is completed here: its state is written to the
 * job's checkpoint storage (a folder every process of the cluster reaches) on a thread of this
 * attempt, and only the handle of the written file travels to the coordinator.
 */
final class RemoteCheckpoints implements CheckpointGateway, AutoCloseable {
  private final CheckpointStorage storage;
  private final String jobId;
  private final int attempt;
  private final Reports reports;
  private final ExecutorService writer;
  private final CheckpointConfig config;

  RemoteCheckpoints(CheckpointConfig config, CheckpointStorage storage, String jobId, int attempt, Reports reports) {
    this.config = config;
    this.storage = storage;
    this.jobId = jobId;
    this.attempt = attempt;
    this.reports = reports;
    this.writer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "weir-checkpoint-writer-" + jobId + "-" + attempt);
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public CheckpointConfig config() {
    return config;
  }

  @Override
  public void taskInitialized(CheckpointCoordinator.Participant task) {
    reports.send(reports.of(jobId, attempt, task.vertexId(), task.subtask()).setInitialized(Nothing.getDefaultInstance()));
  }

  @Override
  public void inputEnded(CheckpointCoordinator.Participant task) {
    reports.send(reports.of(jobId, attempt, task.vertexId(), task.subtask()).setInputEnded(Nothing.getDefaultInstance()));
  }

  @Override
  public void acknowledge(CheckpointCoordinator.Participant task, long id, Callable<TaskSnapshot> snapshot,
      long alignmentNanos, long syncNanos) {
    writer.execute(() -> {
      try {
        long start = System.nanoTime();
        CheckpointCoordinator.Written written = CheckpointCoordinator.writeSnapshot(storage, id, task.vertexId(),
            task.subtask(), snapshot.call());
        reports.send(reports.of(jobId, attempt, task.vertexId(), task.subtask()).setCheckpointAck(CheckpointAck.newBuilder()
            .setCheckpointId(id)
            .setWritten(ByteString.copyFrom(JavaSerialization.serialize(written)))
            .setAlignmentNanos(alignmentNanos)
            .setSyncNanos(syncNanos)
            .setAsyncNanos(System.nanoTime() - start)));
      } catch (Exception e) {
        decline(task, id, new java.io.IOException("writing its state to " + storage.directory() + " failed", e));
      }
    });
  }

  @Override
  public void decline(CheckpointCoordinator.Participant task, long id, Throwable cause) {
    reports.send(reports.of(jobId, attempt, task.vertexId(), task.subtask())
        .setCheckpointDecline(CheckpointDecline.newBuilder().setCheckpointId(id).setCause(String.valueOf(cause))));
  }

  @Override
  public void close() {
    writer.shutdownNow();
  }
}
