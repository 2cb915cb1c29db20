package weir.runtime.source;

import javax.annotation.Nullable;
import org.slf4j.LoggerFactory;
import weir.api.connector.SimpleVersionedSerializer;
import weir.runtime.checkpoint.CheckpointCoordinator;
import weir.runtime.checkpoint.CheckpointMetadata;
import weir.runtime.exchange.CheckpointBarrier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.Queue;
import java.util.function.IntFunction;
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
public final class SourceCoordinator<S extends SourceSplit> implements SplitEnumeratorContext<S>,
    CheckpointCoordinator.Source, SplitGateway {
  /** Mailbox message: the enumerator has no more splits for this reader. */
  public static final Object NO_MORE_SPLITS = new Object();

  /**
   * Mailbox message: checkpoint {@code id} was triggered at {@code timestamp}. The splits before
   * it in the mailbox were assigned before the enumerator's snapshot, so the reader's snapshot
   * must hold them.
   */
  public record CheckpointMark(CheckpointBarrier barrier) {}

  private final String sourceName;
  private final int parallelism;
  private final Queue<Object>[] mailboxes;
  private final SplitEnumerator<S, Object> enumerator;
  private final SimpleVersionedSerializer<Object> checkpointSerializer;
  private final String uid;
  /** The thread of {@link #callAsync}, created on first use; guarded by this. */
  @Nullable private ScheduledExecutorService asyncCalls;
  private boolean closed;

  /**
   * @param uid the source's state uid in checkpoints
   * @param restored the enumerator's state to start from, or {@code null} for a fresh start
   */
  public SourceCoordinator(String sourceName, String uid, Source<?, S, ?> source, int parallelism,
      @Nullable CheckpointMetadata.VersionedBytes restored) throws Exception {
    this(sourceName, uid, source, parallelism, restored, subtask -> new ConcurrentLinkedQueue<>());
  }

  /**
   * @param mailboxes makes the mailbox of each reader: a plain queue embedded, a queue that
   *     forwards to the reader's TaskManager on a cluster
   */
  @SuppressWarnings("unchecked")
  public SourceCoordinator(String sourceName, String uid, Source<?, S, ?> source, int parallelism,
      @Nullable CheckpointMetadata.VersionedBytes restored, IntFunction<Queue<Object>> mailboxes) throws Exception {
    this.sourceName = sourceName;
    this.uid = uid;
    this.parallelism = parallelism;
    this.mailboxes = (Queue<Object>[]) new Queue<?>[parallelism];
    for (int i = 0; i < parallelism; i++) {
      this.mailboxes[i] = mailboxes.apply(i);
    }
    Source<?, S, Object> typed = (Source<?, S, Object>) source;
    this.checkpointSerializer = typed.getEnumeratorCheckpointSerializer();
    this.enumerator = restored == null ? typed.createEnumerator(this)
        : typed.restoreEnumerator(this, checkpointSerializer.deserialize(restored.version(), restored.bytes()));
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public synchronized CheckpointMetadata.VersionedBytes snapshotForCheckpoint(CheckpointBarrier barrier)
      throws Exception {
    byte[] bytes = checkpointSerializer.serialize(enumerator.snapshotState(barrier.id()));
    for (Queue<Object> mailbox : mailboxes) {
      mailbox.add(new CheckpointMark(barrier));
    }
    return new CheckpointMetadata.VersionedBytes(checkpointSerializer.getVersion(), bytes);
  }

  /** Checkpoint {@code id} is complete. */
  @Override
  public synchronized void notifyCheckpointComplete(long id) {
    enumerator.notifyCheckpointComplete(id);
  }

  /** Starts the enumerator and registers every reader. */
  public synchronized void start() {
    enumerator.start();
    for (int i = 0; i < parallelism; i++) {
      enumerator.addReader(i);
    }
  }

  @Override
  public synchronized void requestSplit(int subtask) {
    enumerator.handleSplitRequest(subtask);
  }

  @Override
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

  @Override
  public synchronized <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, Duration initialDelay,
      Duration period) {
    if (closed) {
      return;
    }
    if (asyncCalls == null) {
      asyncCalls = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "weir-enumerator-" + sourceName);
        t.setDaemon(true);
        return t;
      });
    }
    asyncCalls.scheduleWithFixedDelay(() -> {
      T result = null;
      Throwable failure = null;
      try {
        result = callable.call();
      } catch (Throwable e) {
        failure = e;
      }
      synchronized (this) {
        if (!closed) {
          try {
            handler.accept(result, failure);
          } catch (RuntimeException e) {
            // thrown out of a scheduled task it would silently end the periodic calls
            LoggerFactory.getLogger(SourceCoordinator.class)
                .error("The enumerator of source '{}' failed handling a periodic call", sourceName, e);
          }
        }
      }
    }, initialDelay.toMillis(), Math.max(1, period.toMillis()), TimeUnit.MILLISECONDS);
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
    closed = true;
    if (asyncCalls != null) {
      asyncCalls.shutdownNow();
    }
    enumerator.close();
  }
}
