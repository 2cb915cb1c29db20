package weir.api.connector.sink;

import weir.api.annotation.Evolving;

/**
 * One committable handed to {@link Committer#commit}, and how the committer reports what became
 * of it. A request that is not signalled counts as committed. The runtime provides the
 * implementation.
 *
 * @param <CommT> the type of the committable
 * @since 0.1
 */
@Evolving
public interface CommitRequest<CommT> {
  /** The committable to commit. */
  CommT getCommittable();

  /**
   * How many times this committable was handed back for a retry ({@link #retryLater()}, {@link
   * #updateAndRetryLater}) before this attempt: 0 on the first.
   */
  int getNumberOfRetries();

  /**
   * The committable cannot be committed, for a reason the committer understands: its data is
   * gone, its transaction expired. Fails the job with {@code failure}.
   */
  void signalFailedWithKnownReason(Throwable failure);

  /** Committing failed unexpectedly. Fails the job with {@code failure}. */
  void signalFailedWithUnknownReason(Throwable failure);

  /** The committable could not be committed now, but may be later: commit it again later. */
  void retryLater();

  /**
   * Like {@link #retryLater()}, with {@code committable} replacing this request's committable,
   * in later attempts and in checkpoints.
   */
  void updateAndRetryLater(CommT committable);

  /** The committable was committed before, by an earlier attempt; nothing was done now. */
  void signalAlreadyCommitted();
}
