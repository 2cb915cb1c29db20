package weir.tests.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import weir.api.checkpoint.RestartStrategy;
import weir.api.connector.source.lib.NumberSequenceSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.api.functions.MapFunction;
import weir.api.functions.RuntimeContext;
import weir.api.functions.AbstractRichFunction;
import weir.api.tuple.Tuple3;
import weir.tests.support.Pace;

/**
 * A job whose newest checkpoint is damaged when it fails restarts from the newest intact one, and
 * its result is still exactly that of a run without failures; the checkpoints it keeps are the
 * retained count, with no temporary files left behind.
 */
class DamagedCheckpointIT {
  private static final long RECORDS = 40_000;
  private static final int KEYS = 31;
  private static final int RETAINED = 3;

  /** In the first attempt, after {@code failAfter} records, damages the newest checkpoint and fails. */
  static final class DamageAndFail extends AbstractRichFunction implements MapFunction<Long, Long> {
    private final String checkpoints;
    private final long failAfter;
    private transient boolean failing;
    private transient long seen;

    DamageAndFail(Path checkpoints, long failAfter) {
      this.checkpoints = checkpoints.toString();
      this.failAfter = failAfter;
    }

    @Override
    public void open(RuntimeContext ctx) {
      failing = ctx.getAttemptNumber() == 0;
    }

    @Override
    public Long map(Long value) throws IOException {
      if (failing && ++seen == failAfter) {
        Path newest = newestCheckpoint(Path.of(checkpoints)).orElseThrow(
            () -> new IllegalStateException("no checkpoint completed before the failure; slow the job down"));
        try (Stream<Path> files = Files.list(newest)) {
          Path state = files.filter(p -> p.getFileName().toString().startsWith("task-")).findFirst().orElseThrow();
          byte[] bytes = Files.readAllBytes(state);
          bytes[bytes.length / 2] ^= 0x5a;
          Files.write(state, bytes);
        }
        throw new IllegalStateException("failure after damaging " + newest);
      }
      return value;
    }
  }

  private static Optional<Path> newestCheckpoint(Path root) {
    try (Stream<Path> files = Files.walk(root, 2)) {
      return files.filter(p -> p.getFileName().toString().startsWith("chk-"))
          .filter(p -> Files.exists(p.resolve("_metadata")))
          .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  @Timeout(120)
  void when_the_newest_checkpoint_is_damaged_the_job_restores_the_one_before_and_sums_exactly(@TempDir Path dir)
      throws Exception {
    Path checkpoints = dir.resolve("checkpoints");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    env.enableCheckpointing(Duration.ofMillis(20));
    env.getCheckpointConfig().setCheckpointDirectory(checkpoints).setRetainedCheckpoints(RETAINED);
    env.setRestartStrategy(RestartStrategy.fixedDelay(2, Duration.ZERO));
    var sums = env.fromSource(new NumberSequenceSource(1, RECORDS),
            WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v), "numbers")
        .map(new Pace(20))
        .map(new DamageAndFail(checkpoints, RECORDS * 3 / 4))
        .keyBy(v -> v % KEYS)
        .process(new CheckpointRecoveryIT.SumAtEnd());
    List<Tuple3<Long, Long, Long>> result = new ArrayList<>();
    try (var it = sums.executeAndCollect()) {
      it.forEachRemaining(result::add);
    }

    long[] sum = new long[KEYS];
    long[] count = new long[KEYS];
    for (long v = 1; v <= RECORDS; v++) {
      sum[(int) (v % KEYS)] += v;
      count[(int) (v % KEYS)]++;
    }
    List<Tuple3<Long, Long, Long>> expected = new ArrayList<>();
    for (int k = 0; k < KEYS; k++) {
      expected.add(new Tuple3<>((long) k, sum[k], count[k]));
    }
    assertThat(result).containsExactlyInAnyOrderElementsOf(expected);

    try (Stream<Path> jobs = Files.list(checkpoints)) {
      Path job = jobs.findFirst().orElseThrow();
      try (Stream<Path> folders = Files.list(job)) {
        assertThat(folders.map(p -> p.getFileName().toString()).toList())
            .hasSizeLessThanOrEqualTo(RETAINED).allMatch(n -> n.startsWith("chk-"));
      }
      try (Stream<Path> files = Files.walk(job)) {
        assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
      }
    }
  }
}
