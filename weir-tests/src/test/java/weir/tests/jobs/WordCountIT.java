package weir.tests.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.Collector;
import weir.tests.support.CollectingSink;

/**
 * Word count, the canonical job: flatMap → keyBy → sum or reduce. Every parallelism must emit,
 * for a word seen n times, exactly the running counts 1..n (the order across words is not defined).
 */
class WordCountIT {
  private static final String[] VOCABULARY = {"stream", "weir", "river", "flow", "key", "state", "window", "time"};

  public record WordCount(String word, long count) implements Serializable {}

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_countingWithSum_then_eachWordEmitsItsRunningCounts(int parallelism) throws Exception {
    List<String> lines = text(300);
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    try (var sink = new CollectingSink<WordCount>()) {
      words(env, lines).keyBy(WordCount::word).sum("count").sinkTo(sink);
      env.execute("word-count-sum");

      assertThat(runningCountsByWord(sink.values())).isEqualTo(expectedRunningCounts(lines));
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void when_countingWithReduce_then_eachWordEmitsItsRunningCounts(int parallelism) throws Exception {
    List<String> lines = text(300);
    var env = StreamExecutionEnvironment.createEmbeddedEnvironment(parallelism);
    try (var sink = new CollectingSink<WordCount>()) {
      words(env, lines)
          .keyBy(WordCount::word)
          .reduce((a, b) -> new WordCount(a.word(), a.count() + b.count()))
          .sinkTo(sink);
      env.execute("word-count-reduce");

      assertThat(runningCountsByWord(sink.values())).isEqualTo(expectedRunningCounts(lines));
    }
  }

  private static DataStream<WordCount> words(StreamExecutionEnvironment env, List<String> lines) {
    return env.fromData(lines).flatMap((String line, Collector<WordCount> out) -> {
      for (String word : line.split("\\s+")) {
        if (!word.isEmpty()) {
          out.collect(new WordCount(word, 1));
        }
      }
    });
  }

  /** Lines of random words from a small vocabulary, the same for every run. */
  static List<String> text(int lineCount) {
    SplittableRandom random = new SplittableRandom(42);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < lineCount; i++) {
      StringBuilder line = new StringBuilder();
      int words = random.nextInt(0, 12);
      for (int w = 0; w < words; w++) {
        line.append(w == 0 ? "" : " ").append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** The emitted counts per word, sorted: order across subtasks is not defined. */
  private static Map<String, List<Long>> runningCountsByWord(List<WordCount> emitted) {
    Map<String, List<Long>> byWord = new TreeMap<>();
    for (WordCount wc : emitted) {
      byWord.computeIfAbsent(wc.word(), w -> new ArrayList<>()).add(wc.count());
    }
    byWord.values().forEach(counts -> counts.sort(null));
    return byWord;
  }

  private static Map<String, List<Long>> expectedRunningCounts(List<String> lines) {
    Map<String, Long> totals = new TreeMap<>();
    for (String line : lines) {
      for (String word : line.split("\\s+")) {
        if (!word.isEmpty()) {
          totals.merge(word, 1L, Long::sum);
        }
      }
    }
    Map<String, List<Long>> expected = new TreeMap<>();
    totals.forEach((word, total) -> {
      List<Long> counts = new ArrayList<>();
      for (long c = 1; c <= total; c++) {
        counts.add(c);
      }
      expected.put(word, counts);
    });
    return expected;
  }
}
