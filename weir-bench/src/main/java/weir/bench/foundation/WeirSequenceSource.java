package weir.bench.foundation;

import java.util.Collection;
import java.util.List;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.source.Boundedness;
import weir.api.connector.source.Source;
import weir.api.connector.source.SourceReader;
import weir.api.connector.source.SourceReaderContext;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.SplitEnumeratorContext;
import weir.api.connector.source.lib.IndexRangeSplit;
import weir.api.connector.source.lib.NumberSequenceSource;

/**
 * Weir's stock {@link NumberSequenceSource} (the source of {@code env.fromSequence}), whose split
 * enumerator also reports each completed checkpoint to {@link CheckpointProbes}. The readers are
 * the stock source's own, so the record path is exactly that of the stock source.
 */
final class WeirSequenceSource implements Source<Long, IndexRangeSplit, Collection<IndexRangeSplit>> {
  private static final long serialVersionUID = 1L;

  private final NumberSequenceSource numbers;

  /** The numbers {@code from} to {@code to}, both inclusive. */
  WeirSequenceSource(long from, long to) {
    this.numbers = new NumberSequenceSource(from, to);
  }

  @Override
  public Boundedness getBoundedness() {
    return numbers.getBoundedness();
  }

  @Override
  public SourceReader<Long, IndexRangeSplit> createReader(SourceReaderContext context) {
    return numbers.createReader(context);
  }

  @Override
  public SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> createEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context) {
    return new Enumerator(numbers.createEnumerator(context));
  }

  @Override
  public SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> restoreEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context, Collection<IndexRangeSplit> checkpoint) {
    return new Enumerator(numbers.restoreEnumerator(context, checkpoint));
  }

  @Override
  public SimpleVersionedSerializer<IndexRangeSplit> getSplitSerializer() {
    return numbers.getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<Collection<IndexRangeSplit>> getEnumeratorCheckpointSerializer() {
    return numbers.getEnumeratorCheckpointSerializer();
  }

  /** The stock enumerator, reporting completed checkpoints. */
  private static final class Enumerator implements SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> {
    private final SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> delegate;

    Enumerator(SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> delegate) {
      this.delegate = delegate;
    }

    @Override
    public void start() {
      delegate.start();
    }

    @Override
    public void handleSplitRequest(int subtaskId) {
      delegate.handleSplitRequest(subtaskId);
    }

    @Override
    public void addSplitsBack(List<IndexRangeSplit> splits, int subtaskId) {
      delegate.addSplitsBack(splits, subtaskId);
    }

    @Override
    public void addReader(int subtaskId) {
      delegate.addReader(subtaskId);
    }

    @Override
    public Collection<IndexRangeSplit> snapshotState(long checkpointId) throws Exception {
      return delegate.snapshotState(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CheckpointProbes.checkpointCompleted();
      delegate.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void close() throws Exception {
      delegate.close();
    }
  }
}
