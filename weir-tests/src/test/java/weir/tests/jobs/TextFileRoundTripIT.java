package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.connector.sink.lib.TextFileSink;
import weir.api.datastream.StreamExecutionEnvironment;

/** Text written by the text file sink reads back through the text file source. */
class TextFileRoundTripIT {
  @TempDir Path dir;

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_readingTransformingAndWritingText_then_partFilesHoldEveryLineOnce(int parallelism) throws Exception {
    Path input = dir.resolve("input");
    Files.createDirectories(input);
    List<String> lines = new ArrayList<>();
    for (int file = 0; file < 3; file++) {
      List<String> fileLines = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        fileLines.add("file " + file + " line " + i + " \u00e9\u00df");
      }
      Files.write(input.resolve("in-" + file + ".txt"), fileLines);
      lines.addAll(fileLines);
    }
    Path output = dir.resolve("output");

    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.readTextFile(input).map(String::toUpperCase).sinkTo(new TextFileSink<>(output));
    env.execute("text-round-trip");

    assertThat(readAll(output)).containsExactlyInAnyOrderElementsOf(lines.stream().map(String::toUpperCase).toList());
    try (Stream<Path> parts = Files.list(output)) {
      assertThat(parts.map(p -> p.getFileName().toString()))
          .allMatch(name -> name.matches("part-\\d+\\.txt"))
          .hasSizeLessThanOrEqualTo(parallelism);
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_writtenOutputIsReadAgain_then_theSecondJobSeesTheFirstJobsRecords(int parallelism) throws Exception {
    Path first = dir.resolve("first");
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    env.fromSequence(1, 2_000).sinkTo(new TextFileSink<Long>(first, x -> "n=" + x));
    env.execute("write");

    Path second = dir.resolve("second");
    env.readTextFile(first).map(line -> Long.parseLong(line.substring(2)) * 2).sinkTo(new TextFileSink<>(second));
    env.execute("read-write");

    assertThat(readAll(second).stream().map(Long::parseLong).toList())
        .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, 2_000).map(x -> x * 2).boxed().toList());
  }

  private static List<String> readAll(Path directory) throws IOException {
    List<String> all = new ArrayList<>();
    try (Stream<Path> parts = Files.list(directory)) {
      for (Path part : parts.sorted().toList()) {
        all.addAll(Files.readAllLines(part));
      }
    }
    return all;
  }
}
