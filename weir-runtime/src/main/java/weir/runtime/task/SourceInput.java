package weir.runtime.task;

import weir.runtime.source.SplitGateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import weir.api.connector.SimpleVersionedSerializer;

import java.util.List;
import java.util.Queue;
import javax.annotation.Nullable;
import weir.api.connector.source.InputStatus;
import weir.api.connector.source.ReaderOutput;
import weir.api.connector.source.SourceReader;
import weir.api.connector.source.SourceSplit;
import weir.api.datastream.OutputTag;
import weir.runtime.operators.OperatorFailure;
import weir.runtime.operators.Output;
import weir.runtime.source.SourceCoordinator;
import weir.runtime.time.RecordTimestamp;

/**
 * Polls a source reader and hands its records to the chain. Split assignments arrive through the
 * reader's mailbox and are handed to the reader on this thread before each poll. With a watermark
 * strategy, records go through per-split outputs that assign timestamps and generate watermarks
 * ({@link SplitWatermarks}); without one, a record keeps the timestamp its reader gave it.
 *
 * <p>Owned by the subtask's thread.
 */
final class SourceInput<T, S extends SourceSplit> implements TaskInput, ReaderOutput<T> {
  /** Polls per call; each emits at most one reader batch. */
  private static final int MAX_POLLS = 4;

  private final String sourceName;
  private final SourceReader<T, S> reader;
  private final Queue<Object> mailbox;
  private final Output<T> output;
  private final RecordTimestamp timestamp;
  @Nullable private final SplitWatermarks<T> watermarks;
  // created on first use, so that readers emitting per split are not held back by an unused one
  @Nullable private ReaderOutput<T> mainOutput;

  public SourceInput(String sourceName, SourceReader<T, S> reader, SplitGateway coordinator, int subtask,
      Output<T> output, RecordTimestamp timestamp, @Nullable SplitWatermarks<T> watermarks) {
    this.sourceName = sourceName;
    this.reader = reader;
    this.mailbox = coordinator.mailbox(subtask);
    this.output = output;
    this.timestamp = timestamp;
    this.watermarks = watermarks;
  }

  @Override
  @SuppressWarnings("unchecked")
  public ProgressState process(int budget, StreamTask task) {
    try {
      drainMailbox(task);
      InputStatus status = InputStatus.MORE_AVAILABLE;
      for (int i = 0; i < MAX_POLLS && status == InputStatus.MORE_AVAILABLE && !task.isBackpressured(); i++) {
        status = reader.pollNext(this);
      }
      return switch (status) {
        case MORE_AVAILABLE -> ProgressState.MADE_PROGRESS;
        case NOTHING_AVAILABLE -> mailbox.isEmpty() ? ProgressState.NO_PROGRESS : ProgressState.MADE_PROGRESS;
        case END_OF_INPUT -> ProgressState.DONE;
      };
    } catch (Exception e) {
      throw OperatorFailure.of(sourceName, e);
    }
  }

  /**
   * Hands split assignments to the reader and takes the checkpoints marked between them; a
   * source whose input ended still takes its checkpoints this way.
   */
  @Override
  @SuppressWarnings("unchecked")
  public void drainMailbox(StreamTask task) throws Exception {
    for (Object mail = mailbox.poll(); mail != null; mail = mailbox.poll()) {
      if (mail == SourceCoordinator.NO_MORE_SPLITS) {
        reader.notifyNoMoreSplits();
      } else if (mail instanceof SourceCoordinator.CheckpointMark mark) {
        task.onSourceMark(mark.barrier());
      } else {
        reader.addSplits((List<S>) mail);
      }
    }
  }

  /** The reader's splits for checkpoint {@code id}, each as version and bytes. */
  @Override
  public List<byte[]> snapshotSplits(long id, SimpleVersionedSerializer<Object> serializer) throws IOException {
    List<byte[]> result = new ArrayList<>();
    for (S split : reader.snapshotState(id)) {
      byte[] bytes = serializer.serialize(split);
      result.add(ByteBuffer.allocate(4 + bytes.length).putInt(serializer.getVersion()).put(bytes).array());
    }
    return result;
  }

  /** Gives the reader the splits of a restored snapshot. */
  @Override
  @SuppressWarnings("unchecked")
  public void restoreSplits(List<byte[]> splits, SimpleVersionedSerializer<Object> serializer) throws IOException {
    List<S> restored = new ArrayList<>();
    for (byte[] element : splits) {
      ByteBuffer b = ByteBuffer.wrap(element);
      int version = b.getInt();
      restored.add((S) serializer.deserialize(version, java.util.Arrays.copyOfRange(element, 4, element.length)));
    }
    if (!restored.isEmpty()) {
      reader.addSplits(restored);
    }
  }

  /** Checkpoint {@code id} is complete. */
  @Override
  public void notifyCheckpointComplete(long id) throws Exception {
    reader.notifyCheckpointComplete(id);
  }

  @Override
  public void collect(T record) {
    collect(record, RecordTimestamp.NONE);
  }

  @Override
  public void collect(T record, long recordTimestamp) {
    if (watermarks != null) {
      if (mainOutput == null) {
        mainOutput = watermarks.main();
      }
      mainOutput.collect(record, recordTimestamp);
    } else {
      timestamp.set(recordTimestamp);
      output.collect(record);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X record) {
    timestamp.set(RecordTimestamp.NONE);
    output.collect(tag, record);
  }

  @Override
  public ReaderOutput<T> createOutputForSplit(String splitId) {
    return watermarks != null ? watermarks.split(splitId) : this;
  }

  @Override
  public void releaseOutputForSplit(String splitId) {
    if (watermarks != null) {
      watermarks.release(splitId);
    }
  }

  @Override
  public void close() throws Exception {
    reader.close();
  }
}
