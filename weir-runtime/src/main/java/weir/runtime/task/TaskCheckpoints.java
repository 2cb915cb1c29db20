package weir.runtime.task;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import weir.runtime.checkpoint.CheckpointCoordinator;

/**
 * A subtask's side of checkpointing as the coordinator sees it: the coordinator's calls become
 * mails that the subtask takes on its own thread between two batches.
 */
final class TaskCheckpoints implements CheckpointCoordinator.Participant {
  enum Kind { TRIGGER, COMPLETE, ABORT }

  /** One call of the coordinator, for the subtask's thread; the timestamp is a trigger's. */
  record Mail(Kind kind, long id, long timestamp) {}

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
  public void triggerCheckpoint(long id, long timestamp) {
    mail.add(new Mail(Kind.TRIGGER, id, timestamp));
  }

  @Override
  public void notifyCheckpointComplete(long id) {
    mail.add(new Mail(Kind.COMPLETE, id, 0));
  }

  @Override
  public void notifyCheckpointAborted(long id) {
    mail.add(new Mail(Kind.ABORT, id, 0));
  }

  /** The next mail, or {@code null}; subtask thread only. */
  Mail poll() {
    return mail.poll();
  }
}
