package weir.api.connector.sink;

import java.io.IOException;
import weir.api.annotation.Evolving;
import weir.api.connector.SimpleVersionedSerializer;

/**
 * Implemented by a {@link Sink} that writes exactly once through a two-phase commit: its writers
 * prepare, its committers commit. Its {@link Sink#createWriter} (and
 * {@link SupportsWriterState#restoreWriter}, when it keeps writer state) must return a
 * {@link CommittingSinkWriter} of the same committable type.
 *
 * <h3>Lifecycle</h3>
 * <ol>
 *   <li>When the barrier of checkpoint {@code n} reaches a writer, on its subtask's thread: {@link
 *       SinkWriter#flush flush(false)}, then {@link CommittingSinkWriter#prepareCommit}, then,
 *       for a {@link StatefulSinkWriter}, {@link StatefulSinkWriter#snapshotState}. The
 *       committables returned are stored in checkpoint {@code n}, in the bytes of {@link
 *       #getCommittableSerializer()}.
 *   <li>When checkpoint {@code n} is complete, a {@link Committer} commits them, together with
 *       any earlier committables not committed yet (of a checkpoint that failed, or retried),
 *       older ones first. Nothing a writer prepared for checkpoint {@code n} is committed before
 *       checkpoint {@code n} is complete.
 *   <li>At the end of a bounded input: {@code flush(true)}, then {@code prepareCommit} once more;
 *       those committables are committed before the job finishes (after a last checkpoint when
 *       checkpoints are on). A job without checkpoints therefore commits only at the end of its
 *       input, and an unbounded job without checkpoints never does.
 * </ol>
 *
 * <h3>Recovery and idempotence</h3>
 * A job restored from checkpoint {@code n} commits the committables stored in it again, without
 * waiting for a new checkpoint, whether or not they were committed before the failure. A
 * committable can therefore reach {@link Committer#commit} more than once, and committing must be
 * idempotent: a committer recognises a committable that is already committed and reports it with
 * {@link CommitRequest#signalAlreadyCommitted()}.
 *
 * <p>Committables can reach a committer of another subtask than the writer that prepared them
 * (after a restore with another parallelism, say), so a committable carries everything needed to
 * commit it.
 *
 * <h3>Failures</h3>
 * A request signalled failed, or an exception from {@code commit}, fails the job: nothing is
 * dropped silently. The job then restores from its latest completed checkpoint and commits that
 * checkpoint's committables again. A request asked to be retried is committed again later, and
 * stays in every checkpoint until it is committed.
 *
 * @param <CommT> the type of the committables
 * @since 0.1
 */
@Evolving
public interface SupportsCommitter<CommT> {
  /** Creates the committer of one subtask. */
  Committer<CommT> createCommitter(CommitterInitContext context) throws IOException;

  /** How committables are stored in checkpoints until they are committed. */
  SimpleVersionedSerializer<CommT> getCommittableSerializer();
}
