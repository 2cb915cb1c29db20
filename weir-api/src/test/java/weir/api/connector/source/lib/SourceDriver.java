package weir.api.connector.source.lib;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.source.InputStatus;
import weir.api.connector.source.ReaderOutput;
import weir.api.connector.source.Source;
import weir.api.connector.source.SourceReader;
import weir.api.connector.source.SourceReaderContext;
import weir.api.connector.source.SourceSplit;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.SplitEnumeratorContext;

/**
 * Runs a source's enumerator and readers on one thread, the way the runtime does, and takes
 * checkpoints through the source's serializers. Assignments travel to a reader through its
 * mailbox, which is drained before each of its polls and before each checkpoint, so that every
 * assigned split is in its reader's state when the readers snapshot.
 *
 * <p>Records are kept per split, in the order emitted.
 */
final class SourceDriver<T, S extends SourceSplit, E> {
  private static final Object NO_MORE_SPLITS = new Object();
  private static final int MAX_ROUNDS = 1_000_000;

  /** A checkpoint as the runtime stores it: versions next to bytes. */
  record Checkpoint(int enumeratorVersion, byte[] enumerator, int splitVersion, List<List<byte[]>> readers) {}

  private final Source<T, S, E> source;
  private final SplitEnumerator<S, E> enumerator;
  private final List<SourceReader<T, S>> readers = new ArrayList<>();
  private final List<ArrayDeque<Object>> mailboxes = new ArrayList<>();
  private final boolean[] ended;
  private final Map<String, List<T>> emitted = new LinkedHashMap<>();

  private SourceDriver(
      Source<T, S, E> source, int parallelism, boolean restored, E enumeratorState, List<List<S>> readerSplits)
      throws Exception {
    this.source = source;
    this.ended = new boolean[parallelism];
    for (int i = 0; i < parallelism; i++) {
      mailboxes.add(new ArrayDeque<>());
    }
    SplitEnumeratorContext<S> context = new SplitEnumeratorContext<>() {
      @Override
      public int currentParallelism() {
        return parallelism;
      }

      @Override
      public void assignSplit(S split, int subtaskId) {
        mailboxes.get(subtaskId).add(split);
      }

      @Override
      public void signalNoMoreSplits(int subtaskId) {
        mailboxes.get(subtaskId).add(NO_MORE_SPLITS);
      }
    };
    this.enumerator = restored
        ? source.restoreEnumerator(context, enumeratorState)
        : source.createEnumerator(context);
    enumerator.start();
    for (int i = 0; i < parallelism; i++) {
      int subtask = i;
      SourceReader<T, S> reader = source.createReader(new SourceReaderContext() {
        @Override
        public int getSubtaskIndex() {
          return subtask;
        }

        @Override
        public int getParallelism() {
          return parallelism;
        }

        @Override
        public void sendSplitRequest() {
          enumerator.handleSplitRequest(subtask);
        }
      });
      readers.add(reader);
      if (!readerSplits.get(i).isEmpty()) {
        reader.addSplits(readerSplits.get(i));
      }
      reader.start();
      enumerator.addReader(i);
    }
  }

  /** A fresh run. */
  static <T, S extends SourceSplit, E> SourceDriver<T, S, E> start(Source<T, S, E> source, int parallelism)
      throws Exception {
    List<List<S>> none = new ArrayList<>();
    for (int i = 0; i < parallelism; i++) {
      none.add(List.of());
    }
    return new SourceDriver<>(source, parallelism, false, null, none);
  }

  /**
   * A run restored from {@code checkpoint} with {@code parallelism} readers: with the parallelism
   * of the checkpoint each reader gets the splits of the reader of its index, otherwise the
   * splits are dealt out round-robin.
   */
  static <T, S extends SourceSplit, E> SourceDriver<T, S, E> restore(
      Source<T, S, E> source, Checkpoint checkpoint, int parallelism) throws Exception {
    SimpleVersionedSerializer<S> splitSerializer = source.getSplitSerializer();
    List<List<S>> readerSplits = new ArrayList<>();
    for (int i = 0; i < parallelism; i++) {
      readerSplits.add(new ArrayList<>());
    }
    int next = 0;
    for (int old = 0; old < checkpoint.readers().size(); old++) {
      for (byte[] bytes : checkpoint.readers().get(old)) {
        int target = checkpoint.readers().size() == parallelism ? old : next++ % parallelism;
        readerSplits.get(target).add(splitSerializer.deserialize(checkpoint.splitVersion(), bytes));
      }
    }
    E enumeratorState = source.getEnumeratorCheckpointSerializer()
        .deserialize(checkpoint.enumeratorVersion(), checkpoint.enumerator());
    return new SourceDriver<>(source, parallelism, true, enumeratorState, readerSplits);
  }

  /** Polls every reader that has not ended once; returns whether any has not ended yet. */
  boolean pollRound() throws Exception {
    boolean running = false;
    for (int i = 0; i < readers.size(); i++) {
      if (ended[i]) {
        continue;
      }
      deliverMail(i);
      InputStatus status = readers.get(i).pollNext(new Output(null));
      if (status == InputStatus.END_OF_INPUT) {
        ended[i] = true;
      } else {
        running = true;
      }
    }
    return running;
  }

  /** Polls until every reader has ended. */
  void runToEnd() throws Exception {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (!pollRound()) {
        return;
      }
    }
    throw new AssertionError("The readers did not end within " + MAX_ROUNDS + " rounds");
  }

  /** Snapshots the readers and the enumerator into bytes. */
  Checkpoint checkpoint(long checkpointId) throws Exception {
    SimpleVersionedSerializer<S> splitSerializer = source.getSplitSerializer();
    List<List<byte[]>> readerBytes = new ArrayList<>();
    for (int i = 0; i < readers.size(); i++) {
      deliverMail(i);
      List<byte[]> splits = new ArrayList<>();
      for (S split : readers.get(i).snapshotState(checkpointId)) {
        splits.add(splitSerializer.serialize(split));
      }
      readerBytes.add(splits);
    }
    SimpleVersionedSerializer<E> enumeratorSerializer = source.getEnumeratorCheckpointSerializer();
    byte[] enumeratorBytes = enumeratorSerializer.serialize(enumerator.snapshotState(checkpointId));
    return new Checkpoint(enumeratorSerializer.getVersion(), enumeratorBytes, splitSerializer.getVersion(), readerBytes);
  }

  /** The records emitted so far, per split id. */
  Map<String, List<T>> emitted() {
    return emitted;
  }

  /** Closes the readers and the enumerator. */
  void close() throws Exception {
    for (SourceReader<T, S> reader : readers) {
      reader.close();
    }
    enumerator.close();
  }

  @SuppressWarnings("unchecked")
  private void deliverMail(int subtask) {
    ArrayDeque<Object> mailbox = mailboxes.get(subtask);
    for (Object mail = mailbox.poll(); mail != null; mail = mailbox.poll()) {
      if (mail == NO_MORE_SPLITS) {
        readers.get(subtask).notifyNoMoreSplits();
      } else {
        readers.get(subtask).addSplits(List.of((S) mail));
      }
    }
  }

  /** Keeps records by split; records emitted outside a split's output are an error. */
  private final class Output implements ReaderOutput<T> {
    private final String splitId;

    Output(String splitId) {
      this.splitId = splitId;
    }

    @Override
    public void collect(T record) {
      if (splitId == null) {
        throw new AssertionError("A lib reader emitted " + record + " outside the output of a split");
      }
      emitted.computeIfAbsent(splitId, id -> new ArrayList<>()).add(record);
    }

    @Override
    public void collect(T record, long timestamp) {
      collect(record);
    }

    @Override
    public ReaderOutput<T> createOutputForSplit(String id) {
      return new Output(id);
    }
  }
}
