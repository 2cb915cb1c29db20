package weir.api.connector.sink;

import java.io.IOException;
import java.util.Collection;
import weir.api.annotation.Evolving;

/**
 * Makes what {@link CommittingSinkWriter}s prepared visible: commits transactions, renames files.
 * The contract, including when commits happen, is on {@link SupportsCommitter}.
 *
 * <h3>Threading</h3>
 * The runtime calls a committer from one thread at a time. {@link #commit} may block on I/O, and
 * is interrupted when the job is cancelled.
 *
 * @param <CommT> the type of the committables
 * @since 0.1
 */
@Evolving
public interface Committer<CommT> extends AutoCloseable {
  /**
   * Commits the committables of {@code requests}, each of which may have been committed before
   * (see {@link SupportsCommitter}). After this call each request is in one of these states:
   * <ul>
   *   <li>committed: not signalled, or {@link CommitRequest#signalAlreadyCommitted()};
   *   <li>to be committed again later: {@link CommitRequest#retryLater()} or {@link
   *       CommitRequest#updateAndRetryLater};
   *   <li>failed: {@link CommitRequest#signalFailedWithKnownReason} or {@link
   *       CommitRequest#signalFailedWithUnknownReason}, which fails the job.
   * </ul>
   * Signal each request at most once per call.
   *
   * @throws IOException fails the job like a request failed for an unknown reason; the requests
   *     of this call are committed again after the restore
   */
  void commit(Collection<CommitRequest<CommT>> requests) throws IOException, InterruptedException;

  @Override
  default void close() throws Exception {}
}
