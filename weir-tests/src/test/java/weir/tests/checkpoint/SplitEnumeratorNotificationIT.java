package weir.tests.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.source.Boundedness;
import weir.api.connector.source.Source;
import weir.api.connector.source.SourceReader;
import weir.api.connector.source.SourceReaderContext;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.SplitEnumeratorContext;
import weir.api.connector.source.lib.IndexRangeSplit;
import weir.api.connector.source.lib.NumberSequenceSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;

/**
 * A source's split enumerator is told when a checkpoint completes.
 *
 * <h3>Design of this test</h3>
 * The source hands out no split before its enumerator has been told that a checkpoint completed:
 * it keeps the readers' split requests until then. The readers are idle meanwhile and still take
 * part in checkpoints, so the first checkpoint completes; only its notification releases the
 * splits. Every number arriving at the end therefore shows that the notification reached the
 * enumerator (without it the job would wait for splits until the test's timeout).
 */
class SplitEnumeratorNotificationIT {
  private static final long COUNT = 10_000;

  /** The numbers 1 to COUNT, whose splits are assigned only after a checkpoint completed. */
  static final class GatedSequence implements Source<Long, IndexRangeSplit, Collection<IndexRangeSplit>> {
    private static final long serialVersionUID = 1L;
    private final NumberSequenceSource numbers = new NumberSequenceSource(1, COUNT);

    @Override
    public Boundedness getBoundedness() {
      return numbers.getBoundedness();
    }

    @Override
    public SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> createEnumerator(
        SplitEnumeratorContext<IndexRangeSplit> context) {
      return new GatedEnumerator(numbers.createEnumerator(context));
    }

    @Override
    public SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> restoreEnumerator(
        SplitEnumeratorContext<IndexRangeSplit> context, Collection<IndexRangeSplit> checkpoint) {
      return new GatedEnumerator(numbers.restoreEnumerator(context, checkpoint));
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

  /** Passes split requests on only once a checkpoint has completed; keeps them until then. */
  static final class GatedEnumerator implements SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> {
    private final SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> delegate;
    private final List<Integer> waiting = new ArrayList<>();
    private boolean open;

    GatedEnumerator(SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> delegate) {
      this.delegate = delegate;
    }

    @Override
    public void start() {
      delegate.start();
    }

    @Override
    public void handleSplitRequest(int subtaskId) {
      if (open) {
        delegate.handleSplitRequest(subtaskId);
      } else {
        waiting.add(subtaskId);
      }
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
      open = true;
      for (int subtask : waiting) {
        delegate.handleSplitRequest(subtask);
      }
      waiting.clear();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  @Timeout(60)
  void when_a_checkpoint_completes_then_the_split_enumerator_is_told(int parallelism, @TempDir Path dir)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.enableCheckpointing(Duration.ofMillis(20));
    env.getCheckpointConfig().setCheckpointDirectory(dir);
    List<Long> result = new ArrayList<>();
    try (var it = env.fromSource(new GatedSequence(), WatermarkStrategy.<Long>noWatermarks(), "gated")
        .executeAndCollect()) {
      it.forEachRemaining(result::add);
    }
    assertThat(result).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, COUNT).boxed().toList());
  }
}
