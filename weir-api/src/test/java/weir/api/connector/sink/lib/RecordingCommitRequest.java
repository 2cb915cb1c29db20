package weir.api.connector.sink.lib;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.annotation.Nullable;
import weir.api.connector.sink.CommitRequest;

/** A commit request that remembers how the committer signalled it. */
final class RecordingCommitRequest<CommT> implements CommitRequest<CommT> {
  /** What became of a request. */
  enum Outcome { COMMITTED, ALREADY_COMMITTED, RETRY, FAILED_KNOWN, FAILED_UNKNOWN }

  private CommT committable;
  private Outcome outcome = Outcome.COMMITTED;
  private int signals;
  @Nullable private Throwable failure;

  RecordingCommitRequest(CommT committable) {
    this.committable = committable;
  }

  /** One request per committable, in order. */
  static <CommT> List<RecordingCommitRequest<CommT>> of(Collection<CommT> committables) {
    List<RecordingCommitRequest<CommT>> requests = new ArrayList<>();
    for (CommT c : committables) {
      requests.add(new RecordingCommitRequest<>(c));
    }
    return requests;
  }

  Outcome outcome() {
    return outcome;
  }

  @Nullable
  Throwable failure() {
    return failure;
  }

  @Override
  public CommT getCommittable() {
    return committable;
  }

  @Override
  public int getNumberOfRetries() {
    return 0;
  }

  @Override
  public void signalFailedWithKnownReason(Throwable t) {
    signal(Outcome.FAILED_KNOWN);
    failure = t;
  }

  @Override
  public void signalFailedWithUnknownReason(Throwable t) {
    signal(Outcome.FAILED_UNKNOWN);
    failure = t;
  }

  @Override
  public void retryLater() {
    signal(Outcome.RETRY);
  }

  @Override
  public void updateAndRetryLater(CommT updated) {
    signal(Outcome.RETRY);
    committable = updated;
  }

  @Override
  public void signalAlreadyCommitted() {
    signal(Outcome.ALREADY_COMMITTED);
  }

  private void signal(Outcome next) {
    if (++signals > 1) {
      throw new AssertionError("Request for " + committable + " signalled twice: " + outcome + ", then " + next);
    }
    outcome = next;
  }

  @Override
  public String toString() {
    return committable + " " + outcome + (failure == null ? "" : " (" + failure.getMessage() + ")");
  }
}
