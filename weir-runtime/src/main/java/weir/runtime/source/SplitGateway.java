package weir.runtime.source;

import java.util.Queue;

/**
 * A source's split enumerator as its readers see it. Embedded, the {@link SourceCoordinator}
 * itself; on a TaskManager, a proxy whose mailboxes are filled from the JobManager, where the
 * enumerator runs.
 */
public interface SplitGateway {
  /**
   * The mailbox of reader {@code subtask}: lists of splits, {@link SourceCoordinator#NO_MORE_SPLITS}
   * and {@link SourceCoordinator.CheckpointMark}s, in the order the enumerator produced them.
   */
  Queue<Object> mailbox(int subtask);

  /** Called by reader {@code subtask}'s thread when it wants a split. */
  void requestSplit(int subtask);
}
