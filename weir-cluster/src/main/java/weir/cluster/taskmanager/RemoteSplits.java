package weir.cluster.taskmanager;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import weir.api.connector.SimpleVersionedSerializer;
import weir.cluster.rpc.Nothing;
import weir.cluster.rpc.Splits;
import weir.runtime.source.SplitGateway;

/**
 * A source's split enumerator as the readers on this TaskManager see it: the enumerator runs on
 * the JobManager; its assignments arrive as mails and are put into the reader's mailbox in the
 * order they were sent, and split requests go back as reports.
 */
final class RemoteSplits implements SplitGateway {
  private final Map<Integer, Queue<Object>> mailboxes = new ConcurrentHashMap<>();
  private final SimpleVersionedSerializer<Object> splitSerializer;
  private final String jobId;
  private final int attempt;
  private final int vertexId;
  private final Reports reports;

  RemoteSplits(SimpleVersionedSerializer<Object> splitSerializer, String jobId, int attempt, int vertexId,
      Reports reports) {
    this.splitSerializer = splitSerializer;
    this.jobId = jobId;
    this.attempt = attempt;
    this.vertexId = vertexId;
    this.reports = reports;
  }

  @Override
  public Queue<Object> mailbox(int subtask) {
    return mailboxes.computeIfAbsent(subtask, s -> new ConcurrentLinkedQueue<>());
  }

  @Override
  public void requestSplit(int subtask) {
    reports.send(reports.of(jobId, attempt, vertexId, subtask).setSplitRequest(Nothing.getDefaultInstance()));
  }

  /** Splits the enumerator assigned to reader {@code subtask}. */
  void assign(int subtask, Splits splits) throws IOException {
    List<Object> list = new ArrayList<>(splits.getSplitsCount());
    for (var bytes : splits.getSplitsList()) {
      list.add(splitSerializer.deserialize(splits.getSerializerVersion(), bytes.toByteArray()));
    }
    mailbox(subtask).add(list);
  }
}
