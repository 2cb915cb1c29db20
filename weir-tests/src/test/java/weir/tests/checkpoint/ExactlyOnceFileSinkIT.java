package weir.tests.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weir.api.checkpoint.RestartStrategy;
import weir.api.connector.sink.lib.FileSink;
import weir.api.connector.sink.lib.SimpleStringEncoder;
import weir.api.connector.source.lib.NumberSequenceSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;
import weir.testing.faults.FailureInjector;

/**
 * The file sink writes every record exactly once although the job fails and restarts many
 * times: part files become visible only when the checkpoint that covers them completes, and a
 * restart discards what was written after the checkpoint it restores.
 *
 * <h3>Design of this test</h3>
 * A {@link FailureInjector} fails 7 attempts per seed at random records, for 3 seeds (21
 * failures per case); the records cross an exchange to the sink, so unaligned checkpoints hold
 * records in flight. The committed files, read after each job, must hold each number once;
 * hidden in-progress files are not output.
 */
class ExactlyOnceFileSinkIT {
  private static final long RECORDS = 60_000;

  @ParameterizedTest(name = "parallelism {0}, unaligned {1}")
  @CsvSource({"1, false", "2, false", "1, true", "2, true"})
  @Timeout(180)
  void when_the_job_fails_and_restarts_then_the_committed_files_hold_every_record_once(int parallelism,
      boolean unaligned, @TempDir Path dir) throws Exception {
    List<Long> expected = new ArrayList<>();
    for (long v = 1; v <= RECORDS; v++) {
      expected.add(v);
    }
    long injected = 0;
    for (long seed = 1; seed <= 3; seed++) {
      Path out = dir.resolve("out-" + seed);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
      env.enableCheckpointing(Duration.ofMillis(20));
      env.getCheckpointConfig().setCheckpointDirectory(dir.resolve("checkpoints")).enableUnalignedCheckpoints(unaligned);
      env.setRestartStrategy(RestartStrategy.fixedDelay(8, Duration.ZERO));
      env.fromSource(new NumberSequenceSource(1, RECORDS), WatermarkStrategy.noWatermarks(), "numbers")
          .map(new FailureInjector<Long>(seed, 7, 15_000))
          .rebalance()
          .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<Long>()).build());
      injected += env.execute("exactly-once files").getCounter(FailureInjector.FAILURES);

      List<Long> written = new ArrayList<>();
      for (Path file : committedFiles(out)) {
        for (String line : Files.readAllLines(file)) {
          written.add(Long.parseLong(line));
        }
      }
      written.sort(null); // sorted and compared: an any-order comparison of this many elements is quadratic
      assertThat(written).as("seed " + seed).isEqualTo(expected);
    }
    assertThat(injected).isGreaterThanOrEqualTo(20);
  }
  private static List<Path> committedFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    }
  }
}
