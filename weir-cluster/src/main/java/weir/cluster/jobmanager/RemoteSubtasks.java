package weir.cluster.jobmanager;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractQueue;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import weir.api.connector.SimpleVersionedSerializer;
import weir.cluster.rpc.Barrier;
import weir.cluster.rpc.Nothing;
import weir.cluster.rpc.Splits;
import weir.cluster.rpc.TaskMail;
import weir.runtime.checkpoint.CheckpointCoordinator;
import weir.runtime.exchange.CheckpointBarrier;
import weir.runtime.source.SourceCoordinator;

/**
 * How the JobManager's coordinators reach subtasks on TaskManagers: a {@link Participant} per
 * subtask for the checkpoint coordinator, and a {@link Mailbox} per source reader for its split
 * enumerator. Both turn calls into mails to the subtask's TaskManager.
 */
final class RemoteSubtasks {
  private RemoteSubtasks() {}

  /** Where one subtask of an attempt runs. */
  record Address(String jobId, int attempt, int vertexId, int subtask, TaskManagerClient client) {
    TaskMail.Builder mail() {
      return TaskMail.newBuilder().setJobId(jobId).setAttempt(attempt).setVertexId(vertexId).setSubtask(subtask);
    }

    void send(TaskMail.Builder mail) {
      client.deliver(mail.build(), e -> org.slf4j.LoggerFactory.getLogger(RemoteSubtasks.class).warn(
          "Cannot deliver {} to subtask {} of vertex {} of job {} on TaskManager {}: {}", mail.getKindCase(), subtask,
          vertexId, jobId, client.taskManagerId(), e.getStatus()));
    }
  }

  static Barrier barrier(CheckpointBarrier b) {
    return Barrier.newBuilder().setId(b.id()).setTimestamp(b.timestamp())
        .setAlignmentTimeoutNanos(b.alignmentTimeoutNanos()).build();
  }

  /** A subtask as the checkpoint coordinator sees it. */
  static final class Participant implements CheckpointCoordinator.Participant {
    private final Address address;

    Participant(Address address) {
      this.address = address;
    }

    @Override
    public int vertexId() {
      return address.vertexId();
    }

    @Override
    public int subtask() {
      return address.subtask();
    }

    @Override
    public void triggerCheckpoint(CheckpointBarrier barrier) {
      address.send(address.mail().setTriggerCheckpoint(barrier(barrier)));
    }

    @Override
    public void notifyCheckpointComplete(long id) {
      address.send(address.mail().setCheckpointComplete(id));
    }

    @Override
    public void notifyCheckpointAborted(long id) {
      address.send(address.mail().setCheckpointAborted(id));
    }

    @Override
    public void drain() {
      address.send(address.mail().setDrain(Nothing.getDefaultInstance()));
    }
  }

  /**
   * A source reader's mailbox as its enumerator fills it: every message is sent on to the reader's
   * TaskManager at once. Nothing is ever taken from this side.
   */
  static final class Mailbox extends AbstractQueue<Object> {
    private final Address address;
    private final SimpleVersionedSerializer<Object> splitSerializer;

    Mailbox(Address address, SimpleVersionedSerializer<Object> splitSerializer) {
      this.address = address;
      this.splitSerializer = splitSerializer;
    }

    @Override
    public boolean offer(Object message) {
      if (message == SourceCoordinator.NO_MORE_SPLITS) {
        address.send(address.mail().setNoMoreSplits(Nothing.getDefaultInstance()));
      } else if (message instanceof SourceCoordinator.CheckpointMark mark) {
        address.send(address.mail().setCheckpointMark(barrier(mark.barrier())));
      } else if (message instanceof List<?> splits) {
        Splits.Builder b = Splits.newBuilder().setSerializerVersion(splitSerializer.getVersion());
        try {
          for (Object split : splits) {
            b.addSplits(ByteString.copyFrom(splitSerializer.serialize(split)));
          }
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot serialize a split of job " + address.jobId() + " for reader "
              + address.subtask() + ": " + e.getMessage(), e);
        }
        address.send(address.mail().setSplits(b));
      } else {
        throw new IllegalArgumentException("Bug in split assignment: unknown mailbox message " + message);
      }
      return true;
    }

    @Override
    public Object poll() {
      return null;
    }

    @Override
    public Object peek() {
      return null;
    }

    @Override
    public Iterator<Object> iterator() {
      return Collections.emptyIterator();
    }

    @Override
    public int size() {
      return 0;
    }
  }
}
