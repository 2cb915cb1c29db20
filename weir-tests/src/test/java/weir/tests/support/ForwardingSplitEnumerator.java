package weir.tests.support;

import java.util.Collection;
import java.util.List;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.lib.IndexRangeSplit;

/**
 * A split enumerator of {@link DecoratedSequence} that passes every call on to the stock
 * enumerator; tests override the calls they watch or change.
 */
public class ForwardingSplitEnumerator implements SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> {
  protected final SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> delegate;

  public ForwardingSplitEnumerator(SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> delegate) {
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
    delegate.notifyCheckpointComplete(checkpointId);
  }

  @Override
  public void close() throws Exception {
    delegate.close();
  }
}
