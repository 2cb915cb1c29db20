package weir.bench.foundation;

import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Flink's stock {@link NumberSequenceSource}, whose split enumerator also reports each completed
 * checkpoint to {@link CheckpointProbes}. The readers are the stock source's own, so the record
 * path is exactly that of the stock source.
 */
final class FlinkSequenceSource
    implements Source<Long, NumberSequenceSplit, Collection<NumberSequenceSplit>>, ResultTypeQueryable<Long> {
  private static final long serialVersionUID = 1L;

  private final NumberSequenceSource numbers;

  /** The numbers {@code from} to {@code to}, both inclusive. */
  FlinkSequenceSource(long from, long to) {
    this.numbers = new NumberSequenceSource(from, to);
  }

  @Override
  public TypeInformation<Long> getProducedType() {
    return Types.LONG;
  }

  @Override
  public Boundedness getBoundedness() {
    return numbers.getBoundedness();
  }

  @Override
  public SourceReader<Long, NumberSequenceSplit> createReader(SourceReaderContext context) {
    return numbers.createReader(context);
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> context) {
    return new Enumerator(numbers.createEnumerator(context));
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> context, Collection<NumberSequenceSplit> checkpoint) {
    return new Enumerator(numbers.restoreEnumerator(context, checkpoint));
  }

  @Override
  public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
    return numbers.getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<Collection<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
    return numbers.getEnumeratorCheckpointSerializer();
  }

  /** The stock enumerator, reporting completed checkpoints. */
  private static final class Enumerator
      implements SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> {
    private final SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> delegate;

    Enumerator(SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> delegate) {
      this.delegate = delegate;
    }

    @Override
    public void start() {
      delegate.start();
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
      delegate.handleSplitRequest(subtaskId, requesterHostname);
    }

    @Override
    public void addSplitsBack(List<NumberSequenceSplit> splits, int subtaskId) {
      delegate.addSplitsBack(splits, subtaskId);
    }

    @Override
    public void addReader(int subtaskId) {
      delegate.addReader(subtaskId);
    }

    @Override
    public Collection<NumberSequenceSplit> snapshotState(long checkpointId) throws Exception {
      return delegate.snapshotState(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
      CheckpointProbes.checkpointCompleted();
      delegate.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
      delegate.notifyCheckpointAborted(checkpointId);
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {
      delegate.handleSourceEvent(subtaskId, sourceEvent);
    }

    @Override
    public void close() throws java.io.IOException {
      delegate.close();
    }
  }
}
