package weir.api.connector.source.lib;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import weir.api.annotation.Public;
import weir.api.connector.source.SourceSplit;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.SplitEnumeratorContext;

/**
 * Hands out a fixed set of splits, one per request, and tells a reader that there are no more
 * once they are gone. Its checkpoint is the splits not yet assigned.
 *
 * @param <S> the split type
 * @since 0.1
 */
@Public
public final class StaticSplitEnumerator<S extends SourceSplit>
    implements SplitEnumerator<S, Collection<S>> {
  private final SplitEnumeratorContext<S> context;
  private final ArrayDeque<S> remaining;

  public StaticSplitEnumerator(SplitEnumeratorContext<S> context, Collection<S> splits) {
    this.context = context;
    this.remaining = new ArrayDeque<>(splits);
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId) {
    S next = remaining.poll();
    if (next == null) {
      context.signalNoMoreSplits(subtaskId);
    } else {
      context.assignSplit(next, subtaskId);
    }
  }

  @Override
  public void addSplitsBack(List<S> splits, int subtaskId) {
    remaining.addAll(splits);
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public Collection<S> snapshotState(long checkpointId) {
    return new ArrayList<>(remaining);
  }
}
