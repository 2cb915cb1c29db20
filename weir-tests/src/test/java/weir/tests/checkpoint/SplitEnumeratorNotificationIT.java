package weir.tests.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.lib.IndexRangeSplit;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.tests.support.DecoratedSequence;
import weir.tests.support.ForwardingSplitEnumerator;

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

  /** Passes split requests on only once a checkpoint has completed; keeps them until then. */
  static final class GatedEnumerator extends ForwardingSplitEnumerator {
    private final List<Integer> waiting = new ArrayList<>();
    private boolean open;

    GatedEnumerator(SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> stock) {
      super(stock);
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
  void when_a_checkpoint_completes_then_the_split_enumerator_is_told(int parallelism, @TempDir Path dir)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.enableCheckpointing(Duration.ofMillis(20));
    env.getCheckpointConfig().setCheckpointDirectory(dir);
    List<Long> result = new ArrayList<>();
    try (var it = env.fromSource(new DecoratedSequence(1, COUNT, GatedEnumerator::new),
        WatermarkStrategy.<Long>noWatermarks(), "gated").executeAndCollect()) {
      it.forEachRemaining(result::add);
    }
    assertThat(result).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, COUNT).boxed().toList());
  }
}
