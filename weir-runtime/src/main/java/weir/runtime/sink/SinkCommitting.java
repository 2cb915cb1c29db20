package weir.runtime.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.sink.CommitRequest;
import weir.api.connector.sink.Committer;

/**
 * The committing side of a two-phase sink in one subtask: the committables each checkpoint
 * produced, kept (and snapshotted) until that checkpoint completes, then committed. Committables
 * restored from a checkpoint belong to a completed checkpoint and are committed at once. A
 * commit that fails permanently fails the task, so nothing is dropped silently; one to retry is
 * retried at the next completed checkpoint.
 *
 * <p>Owned by the subtask's thread.
 *
 * @param <C> the committable type
 */
public final class SinkCommitting<C> {
  private final String sinkName;
  private final Committer<C> committer;
  private final SimpleVersionedSerializer<C> serializer;
  // by the checkpoint whose completion commits them
  private final TreeMap<Long, List<Pending<C>>> pending = new TreeMap<>();
  // produced at the end of input: they go with the next checkpoint
  private final List<C> unassigned = new ArrayList<>();

  public SinkCommitting(String sinkName, Committer<C> committer, SimpleVersionedSerializer<C> serializer) {
    this.sinkName = sinkName;
    this.committer = committer;
    this.serializer = serializer;
  }

  /** Committables produced at the end of input, committed with the next completed checkpoint. */
  public void addAtEnd(Collection<C> committables) {
    unassigned.addAll(committables);
  }

  /** Committables of checkpoint {@code id}; returns every committable not yet committed, serialized. */
  public List<byte[]> snapshot(long id, Collection<C> committables) throws IOException {
    List<Pending<C>> mine = pending.computeIfAbsent(id, k -> new ArrayList<>());
    for (C c : unassigned) {
      mine.add(new Pending<>(c));
    }
    unassigned.clear();
    for (C c : committables) {
      mine.add(new Pending<>(c));
    }
    List<byte[]> result = new ArrayList<>();
    for (List<Pending<C>> list : pending.values()) {
      for (Pending<C> p : list) {
        byte[] bytes = serializer.serialize(p.committable);
        result.add(ByteBuffer.allocate(4 + bytes.length).putInt(serializer.getVersion()).put(bytes).array());
      }
    }
    return result;
  }

  /** Commits committables restored from a completed checkpoint. */
  public void commitRestored(List<byte[]> restored) throws IOException, InterruptedException {
    List<Pending<C>> list = new ArrayList<>();
    for (byte[] element : restored) {
      int version = ByteBuffer.wrap(element).getInt();
      list.add(new Pending<>(serializer.deserialize(version, java.util.Arrays.copyOfRange(element, 4, element.length))));
    }
    if (!list.isEmpty()) {
      pending.put(Long.MIN_VALUE, list);
      commitUpTo(Long.MIN_VALUE);
    }
  }

  /** Checkpoint {@code id} completed: commits everything of it and of earlier ones. */
  public void commitUpTo(long id) throws IOException, InterruptedException {
    Map<Long, List<Pending<C>>> due = pending.headMap(id, true);
    List<Pending<C>> requests = new ArrayList<>();
    for (List<Pending<C>> list : due.values()) {
      requests.addAll(list);
    }
    if (requests.isEmpty()) {
      return;
    }
    for (Pending<C> p : requests) {
      p.outcome = Outcome.COMMITTED;
    }
    committer.commit(new ArrayList<>(requests));
    List<Pending<C>> again = new ArrayList<>();
    for (Pending<C> p : requests) {
      if (p.outcome == Outcome.FAILED) {
        throw new IllegalStateException("Sink '" + sinkName + "' could not commit " + p.committable
            + " after checkpoint " + id + "; the data it holds would be lost", p.failure);
      }
      if (p.outcome == Outcome.RETRY) {
        p.retries++;
        again.add(p);
      }
    }
    due.clear();
    if (!again.isEmpty()) {
      pending.put(id, again);
    }
  }

  /** Commits what the end of input produced, for a job that runs without checkpoints. */
  public void commitAtEnd() throws IOException, InterruptedException {
    List<Pending<C>> list = new ArrayList<>();
    for (C c : unassigned) {
      list.add(new Pending<>(c));
    }
    unassigned.clear();
    pending.put(Long.MAX_VALUE, list);
    commitUpTo(Long.MAX_VALUE);
    if (!pending.isEmpty()) {
      throw new IllegalStateException("Sink '" + sinkName + "' asked to retry commits at the end of a job without "
          + "checkpoints; nothing can retry them later");
    }
  }

  /** Closes the committer. */
  public void close() throws Exception {
    committer.close();
  }

  private enum Outcome { COMMITTED, RETRY, FAILED }

  /** A committable and what its commit came to. */
  private static final class Pending<C> implements CommitRequest<C> {
    C committable;
    int retries;
    Outcome outcome = Outcome.COMMITTED;
    Throwable failure;

    Pending(C committable) {
      this.committable = committable;
    }

    @Override
    public C getCommittable() {
      return committable;
    }

    @Override
    public int getNumberOfRetries() {
      return retries;
    }

    @Override
    public void signalFailedWithKnownReason(Throwable t) {
      outcome = Outcome.FAILED;
      failure = t;
    }

    @Override
    public void signalFailedWithUnknownReason(Throwable t) {
      outcome = Outcome.FAILED;
      failure = t;
    }

    @Override
    public void retryLater() {
      outcome = Outcome.RETRY;
    }

    @Override
    public void updateAndRetryLater(C updated) {
      committable = updated;
      outcome = Outcome.RETRY;
    }

    @Override
    public void signalAlreadyCommitted() {
      outcome = Outcome.COMMITTED;
    }
  }
}
