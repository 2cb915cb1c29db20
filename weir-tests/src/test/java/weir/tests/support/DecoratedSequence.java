package weir.tests.support;

import java.io.Serializable;
import java.util.Collection;
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
 * The stock number sequence with its split enumerator wrapped by a test's
 * {@link ForwardingSplitEnumerator}, to watch or change what the runtime asks of an enumerator;
 * the readers are the stock ones.
 */
public final class DecoratedSequence implements Source<Long, IndexRangeSplit, Collection<IndexRangeSplit>> {
  private static final long serialVersionUID = 1L;

  /** Wraps the stock enumerator; serializable, as the source is shipped with the job. */
  public interface Decorator extends Serializable {
    ForwardingSplitEnumerator wrap(SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> stock);
  }

  private final NumberSequenceSource numbers;
  private final Decorator decorator;

  /** The numbers {@code from} to {@code to}, both inclusive. */
  public DecoratedSequence(long from, long to, Decorator decorator) {
    this.numbers = new NumberSequenceSource(from, to);
    this.decorator = decorator;
  }

  @Override
  public Boundedness getBoundedness() {
    return numbers.getBoundedness();
  }

  @Override
  public SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> createEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context) {
    return decorator.wrap(numbers.createEnumerator(context));
  }

  @Override
  public SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> restoreEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context, Collection<IndexRangeSplit> checkpoint) {
    return decorator.wrap(numbers.restoreEnumerator(context, checkpoint));
  }

  @Override
  public SourceReader<Long, IndexRangeSplit> createReader(SourceReaderContext context) {
    return numbers.createReader(context);
  }

  @Override
  public SimpleVersionedSerializer<IndexRangeSplit> getSplitSerializer() {
    return numbers.getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<Collection<IndexRangeSplit>> getEnumeratorCheckpointSerializer() {
    return numbers.getEnumeratorCheckpointSerializer();
  }
}
