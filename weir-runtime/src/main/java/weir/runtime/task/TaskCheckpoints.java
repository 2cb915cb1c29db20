package weir.runtime.task;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.annotation.Nullable;
import weir.runtime.checkpoint.CheckpointCoordinator;
import weir.runtime.exchange.CheckpointBarrier;

/**
 * A subtask's side of checkpointing as the coordinator sees it: the coordinator's calls become
 * mails that the subtask takes on its own thread between two batches.
 */
final class TaskCheckpoints implements CheckpointCoordinator.Participant {
  enum Kind { TRIGGER, COMPLETE, ABORT, DRAIN }

  /** One call of the coordinator, for the subtask's thread; {@code barrier} only for TRIGGER. */
  record Mail(Kind kind, long id, @Nullable CheckpointBarrier barrier) {}

  private final int vertexId;
  private final int subtask;
  private final Queue<Mail> mail = new ConcurrentLinkedQueue<>();

  TaskCheckpoints(int vertexId, int subtask) {
    this.vertexId = vertexId;
    this.subtask = subtask;
  }

  @Override
  public int vertexId() {
    return vertexId;
  }

  @Override
  public int subtask() {
    return subtask;
  }

  @Override
  public void triggerCheckpoint(CheckpointBarrier barrier) {
    mail.add(new Mail(Kind.TRIGGER, barrier.id(), barrier));
  }

  @Override
  public void notifyCheckpointComplete(long id) {
    mail.add(new Mail(Kind.COMPLETE, id, null));
  }

  @Override
  public void notifyCheckpointAborted(long id) {
    mail.add(new Mail(Kind.ABORT, id, null));
  }

  @Override
  public void drain() {
    mail.add(new Mail(Kind.DRAIN, -1, null));
  }

  /** The next mail, or {@code null}; subtask thread only. */
  Mail poll() {
    return mail.poll();
  }
}
