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
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.checkpoint.RestartStrategy;
import weir.api.connector.sink.lib.FileSink;
import weir.api.connector.sink.lib.SimpleStringEncoder;
import weir.api.connector.source.lib.NumberSequenceSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.eventtime.WatermarkStrategy;

/**
 * The file sink writes every record exactly once although the job fails and restarts several
 * times: part files become visible only when the checkpoint that covers them completes, and a
 * restart discards what was written after the checkpoint it restores.
 *
 * <h3>Design of this test</h3>
 * A map fails the first attempts after a number of records, slowly enough that checkpoints
 * complete before; the job then restarts from the latest one. The committed files, read after
 * the job, must hold each number once; hidden in-progress files are not output.
 */
class ExactlyOnceFileSinkIT {
  private static final long RECORDS = 100_000;

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  @Timeout(120)
  void when_the_job_fails_and_restarts_then_the_committed_files_hold_every_record_once(int parallelism,
      @TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.enableCheckpointing(Duration.ofMillis(20));
    env.getCheckpointConfig().setCheckpointDirectory(dir.resolve("checkpoints"));
    env.setRestartStrategy(RestartStrategy.fixedDelay(5, Duration.ZERO));
    env.fromSource(new NumberSequenceSource(1, RECORDS), WatermarkStrategy.noWatermarks(), "numbers")
        .map(new CheckpointRecoveryIT.FailingMap(3, RECORDS / parallelism / 3))
        .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<Long>()).build());
    env.execute("exactly-once files");

    List<Long> written = new ArrayList<>();
    for (Path file : committedFiles(out)) {
      for (String line : Files.readAllLines(file)) {
        written.add(Long.parseLong(line));
      }
    }
    List<Long> expected = new ArrayList<>();
    for (long v = 1; v <= RECORDS; v++) {
      expected.add(v);
    }
    // sorted, the comparison is linear; an unordered one of 100 000 elements is quadratic
    written.sort(null);
    assertThat(written).hasSize((int) RECORDS).containsExactlyElementsOf(expected);
  }

  private static List<Path> committedFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    }
  }
}
