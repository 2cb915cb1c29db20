package weir.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.examples.WordCount.WordWithCount;

class WordCountTest {
  @Test
  void when_lineHasPunctuationAndCapitals_then_tokenizeEmitsLowercaseWords() {
    List<WordWithCount> words = new ArrayList<>();
    WordCount.tokenize("Till last by Philip's farm I flow, 'twixt forget-me-nots;", words::add);
    assertThat(words).extracting(WordWithCount::word)
        .containsExactly("till", "last", "by", "philip's", "farm", "i", "flow", "twixt", "forget", "me", "nots");
    assertThat(words).extracting(WordWithCount::count).containsOnly(1L);
  }

  @Test
  void when_wordsRepeat_then_eachOccurrenceEmitsTheWordsRunningCount() throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    List<WordWithCount> updates = WordCount.build(env.fromElements("a b a", "", "B, a!")).executeAndCollectAll();
    assertThat(updates).containsExactly(
        new WordWithCount("a", 1), new WordWithCount("b", 1), new WordWithCount("a", 2),
        new WordWithCount("b", 2), new WordWithCount("a", 3));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void when_bundledText_then_finalCountsEqualPlainJavaCounts(int parallelism) throws Exception {
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    List<WordWithCount> updates = WordCount.build(env.fromData(WordCount.bundledText())).executeAndCollectAll();

    Map<String, Long> expected = new HashMap<>();
    for (String line : WordCount.bundledText()) {
      WordCount.tokenize(line, w -> expected.merge(w.word(), 1L, Long::sum));
    }
    assertThat(finalCounts(updates)).isEqualTo(expected);
    assertThat(updates).hasSize(306);
    assertThat(expected).containsEntry("i", 28L).containsEntry("and", 25L)
        .containsEntry("men", 8L).containsEntry("river", 4L).containsEntry("philip's", 1L);
  }

  @Test
  void when_inputFile_then_itsWordsAreCounted(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("text.txt"), "to be or not\nto be\n");
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(2);
    List<WordWithCount> updates = WordCount.build(env.readTextFile(file)).executeAndCollectAll();
    assertThat(finalCounts(updates)).isEqualTo(Map.of("to", 2L, "be", 2L, "or", 1L, "not", 1L));
  }

  @Test
  void when_generator_then_sentencesArePureFunctionsOfTheIndex() {
    for (long index = 0; index < 1_000; index++) {
      String sentence = WordCount.sentence(index);
      assertThat(WordCount.sentence(index)).isEqualTo(sentence);
      assertThat(sentence).matches("[A-Z][a-z]*( [a-z]+){3,10}\\.");
    }
    assertThat(WordCount.sentence(1)).isNotEqualTo(WordCount.sentence(2));
  }

  @Test
  void when_generatorOption_then_countsAddUpToTheGeneratedWords(@TempDir Path dir) throws Exception {
    long words = Stream.iterate(0L, i -> i + 1).limit(500)
        .mapToLong(i -> WordCount.sentence(i).split(" ").length).sum();
    String output = captureStdout(() ->
        WordCount.main(new String[] {"--generator", "500", "--parallelism", "2", "--output", dir.toString()}));
    assertThat(output).startsWith("Wrote the running counts to " + dir);

    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(dir)) {
      for (Path part : parts.toList()) {
        lines.addAll(Files.readAllLines(part));
      }
    }
    assertThat(lines).hasSize((int) words).allMatch(line -> line.startsWith("WordWithCount[word="));
  }

  @Test
  void when_runWithoutOptions_then_printsTheTenMostFrequentWords() throws Exception {
    String output = captureStdout(() -> WordCount.main(new String[0]));
    List<String> lines = output.lines().toList();
    assertThat(lines.get(0)).startsWith("Counted 306 words (140 distinct) in ").endsWith("The 10 most frequent:");
    assertThat(lines).hasSize(11);
    assertThat(lines.get(1)).matches(" +i +28");
    assertThat(lines.get(2)).matches(" +and +25");
  }

  @Test
  void when_optionIsUnknown_then_failsWithUsage() {
    assertThatThrownBy(() -> WordCount.main(new String[] {"--inptu", "x"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--inptu").hasMessageContaining("Usage: WordCount");
  }

  private static Map<String, Long> finalCounts(List<WordWithCount> updates) {
    Map<String, Long> counts = new HashMap<>();
    for (WordWithCount update : updates) {
      counts.merge(update.word(), update.count(), Math::max);
    }
    return counts;
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  static String captureStdout(ThrowingRunnable body) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
