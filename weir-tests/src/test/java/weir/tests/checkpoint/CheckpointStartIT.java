package weir.tests.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.checkpoint.RestartStrategy;
import weir.api.connector.source.SplitEnumerator;
import weir.api.connector.source.lib.IndexRangeSplit;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.AbstractRichFunction;
import weir.api.functions.MapFunction;
import weir.api.functions.RuntimeContext;
import weir.tests.support.DecoratedSequence;
import weir.tests.support.ForwardingSplitEnumerator;

/**
 * No checkpoint starts before every subtask has initialized, in the first attempt and after a
 * restart.
 *
 * <h3>Design of this test</h3>
 * Each subtask of a map takes a while to open (as restoring a large state does) and then leaves a
 * file. Checkpoints are due every 10 ms, so several would be triggered while the subtasks open.
 * The source's split enumerator is snapshotted whenever a checkpoint is triggered, and it fails
 * the trigger if a subtask's file is missing; a failed checkpoint fails the job, which has no
 * restarts left for that. In the restart case the map fails once after its first checkpoint, and
 * the files are removed first, so the restored subtasks open slowly again. The job ending with
 * every number shows that no trigger came too early.
 */
class CheckpointStartIT {
  private static final long COUNT = 50_000;
  private static final long FAIL_AFTER = 10_000;

  /** Fails a checkpoint's trigger unless every map subtask has left its file in {@code dir}. */
  static final class RequireOpened extends ForwardingSplitEnumerator {
    private final Path dir;
    private final int parallelism;

    RequireOpened(SplitEnumerator<IndexRangeSplit, Collection<IndexRangeSplit>> stock, String dir, int parallelism) {
      super(stock);
      this.dir = Path.of(dir);
      this.parallelism = parallelism;
    }

    @Override
    public Collection<IndexRangeSplit> snapshotState(long checkpointId) throws Exception {
      for (int i = 0; i < parallelism; i++) {
        if (!Files.exists(dir.resolve("opened-" + i))) {
          throw new IllegalStateException("checkpoint " + checkpointId + " was triggered before subtask " + i
              + " had initialized");
        }
      }
      return super.snapshotState(checkpointId);
    }
  }

  /**
   * Opens slowly and leaves a file; in the first attempt, with {@code failOnce}, removes every
   * subtask's file and fails after {@code FAIL_AFTER} records.
   */
  static final class SlowOpeningMap extends AbstractRichFunction implements MapFunction<Long, Long> {
    private final String dir;
    private final boolean failOnce;
    private transient boolean failing;
    private transient long seen;

    SlowOpeningMap(Path dir, boolean failOnce) {
      this.dir = dir.toString();
      this.failOnce = failOnce;
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
      Thread.sleep(200);
      Files.write(Path.of(dir, "opened-" + context.getSubtaskIndex()), new byte[0]);
      failing = failOnce && context.getAttemptNumber() == 0;
    }

    @Override
    public Long map(Long value) throws Exception {
      if (failing && ++seen == FAIL_AFTER) {
        try (var files = Files.list(Path.of(dir))) {
          for (Path f : files.filter(p -> p.getFileName().toString().startsWith("opened-")).toList()) {
            Files.delete(f);
          }
        }
        throw new IllegalStateException("injected failure");
      }
      return value;
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void when_subtasks_initialize_slowly_then_no_checkpoint_starts_before_they_are_done(boolean restart,
      @TempDir Path dir) throws Exception {
    int parallelism = 2;
    Path marks = Files.createDirectory(dir.resolve("marks"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.enableCheckpointing(Duration.ofMillis(10));
    env.getCheckpointConfig().setCheckpointDirectory(dir.resolve("checkpoints"));
    env.setRestartStrategy(RestartStrategy.fixedDelay(restart ? 1 : 0, Duration.ZERO));
    String marksDir = marks.toString();
    DecoratedSequence numbers = new DecoratedSequence(1, COUNT, stock -> new RequireOpened(stock, marksDir, parallelism));
    List<Long> result = env.fromSource(numbers, WatermarkStrategy.<Long>noWatermarks(), "numbers")
        .rebalance()
        .map(new SlowOpeningMap(marks, restart))
        .executeAndCollectAll();
    // a restarted job emits again what the failed attempt emitted after its last checkpoint
    assertThat(restart ? result.stream().distinct().toList() : result)
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, COUNT).boxed().toList());
  }
}
