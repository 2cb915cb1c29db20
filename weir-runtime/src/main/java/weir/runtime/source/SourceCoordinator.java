package weir.runtime.source;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import weir.api.connector.source.Source;
import weir.api.connector.source.SourceSplit;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.SplitEnumeratorContext;

/**
 * Runs the split enumerator of one source and carries its assignments to the readers. The
 * enumerator is only called while holding this coordinator's lock, so it sees one thread at a
 * time; assignments travel to each reader through its own mailbox, which the reader's subtask
 * drains on its own thread.
 */
public final class SourceCoordinator<S extends SourceSplit> implements SplitEnumeratorContext<S> {
  /** Mailbox message: the enumerator has no more splits for this reader. */
  public static final Object NO_MORE_SPLITS = new Object();

  private final String sourceName;
  private final int parallelism;
  private final Queue<Object>[] mailboxes;
  private final SplitEnumerator<S, ?> enumerator;

  @SuppressWarnings("unchecked")
  public SourceCoordinator(String sourceName, Source<?, S, ?> source, int parallelism) throws Exception {
    this.sourceName = sourceName;
    this.parallelism = parallelism;
    this.mailboxes = (Queue<Object>[]) new Queue<?>[parallelism];
    for (int i = 0; i < parallelism; i++) {
      mailboxes[i] = new ConcurrentLinkedQueue<>();
    }
    this.enumerator = source.createEnumerator(this);
  }

  /** Starts the enumerator and registers every reader. */
  public synchronized void start() {
    enumerator.start();
    for (int i = 0; i < parallelism; i++) {
      enumerator.addReader(i);
    }
  }

  /** Called by reader {@code subtask}'s thread when it wants a split. */
  public synchronized void requestSplit(int subtask) {
    enumerator.handleSplitRequest(subtask);
  }

  /** The mailbox of reader {@code subtask}: lists of splits and {@link #NO_MORE_SPLITS}. */
  public Queue<Object> mailbox(int subtask) {
    return mailboxes[subtask];
  }

  @Override
  public int currentParallelism() {
    return parallelism;
  }

  @Override
  public void assignSplit(S split, int subtaskId) {
    checkSubtask(subtaskId);
    mailboxes[subtaskId].add(List.of(split));
  }

  @Override
  public void signalNoMoreSplits(int subtaskId) {
    checkSubtask(subtaskId);
    mailboxes[subtaskId].add(NO_MORE_SPLITS);
  }

  private void checkSubtask(int subtaskId) {
    if (subtaskId < 0 || subtaskId >= parallelism) {
      throw new IllegalArgumentException(
          "The enumerator of source '" + sourceName + "' addressed reader " + subtaskId + ", but there are only "
              + parallelism);
    }
  }

  /** Closes the enumerator. */
  public synchronized void close() throws Exception {
    enumerator.close();
  }
}
