package weir.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import weir.api.connector.sink.lib.TextFileSink;
import weir.api.connector.source.lib.DataGeneratorSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.Collector;

/**
 * Streaming word count: splits lines of text into lowercase words, keys the words and keeps a
 * running count per word, emitting the word's new count for every occurrence.
 *
 * <pre>{@code
 * lines.flatMap(WordCount::tokenize)          // "I come from haunts" -> (i,1) (come,1) ...
 *      .keyBy(WordWithCount::word)
 *      .sum("count");                         // (i,1) (i,2) ... per word
 * }</pre>
 *
 * <h3>Running it</h3>
 * Without options it counts the words of a bundled text, Tennyson's <i>The Brook</i> (1855, in
 * the public domain), collects the running counts back into the program and prints each word's
 * final count for the ten most frequent words. Options:
 * <ul>
 *   <li>{@code --input <path>} reads a UTF-8 text file, or the files of a directory, instead;
 *   <li>{@code --generator <n>} counts {@code n} generated sentences instead;
 *   <li>{@code --parallelism <p>} runs every operator with {@code p} subtasks (default 1);
 *   <li>{@code --output <dir>} writes the running counts as text files into {@code dir}
 *       instead of collecting them.
 * </ul>
 *
 * @since 0.1
 */
public final class WordCount {
  /** The bundled text, a class path resource. */
  public static final String BUNDLED_TEXT = "weir/examples/the-brook.txt";

  static final String USAGE = "Usage: WordCount [--input <file or directory> | --generator <sentences>]"
      + " [--parallelism <p>] [--output <directory>]";

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

  /** A word and how often it has occurred so far. */
  public record WordWithCount(String word, long count) {}

  private WordCount() {}

  /** Runs the job with the options described above and prints the ten most frequent words. */
  public static void main(String[] argv) throws Exception {
    var args = ExampleArgs.parse(argv, USAGE, "input", "generator", "parallelism", "output");
    var env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(args.getInt("parallelism", 1));

    DataStream<String> lines = args.has("input") ? env.readTextFile(args.getPath("input"))
        : args.has("generator") ? env.fromSource(
            new DataGeneratorSource<>(WordCount::sentence, args.getLong("generator", 0)), "Sentences")
        : env.fromData(bundledText());
    DataStream<WordWithCount> counts = build(lines);

    if (args.has("output")) {
      counts.sinkTo(new TextFileSink<>(args.getPath("output")));
      var result = env.execute("WordCount");
      System.out.printf("Wrote the running counts to %s in %d ms%n",
          args.getPath("output"), result.netRuntime().toMillis());
      return;
    }
    long start = System.nanoTime();
    Map<String, Long> finalCounts = new HashMap<>();
    for (WordWithCount update : counts.executeAndCollectAll()) {
      finalCounts.merge(update.word(), update.count(), Math::max);   // counts only grow
    }
    printSummary(finalCounts, 10, (System.nanoTime() - start) / 1_000_000);
  }

  /** The job: lines of text in, the running count of each word out, one update per occurrence. */
  public static DataStream<WordWithCount> build(DataStream<String> lines) {
    return lines
        .flatMap(WordCount::tokenize).name("Tokenize")
        .keyBy(WordWithCount::word)
        .sum("count").name("Count");
  }

  /** Emits each lowercase word of {@code line} with a count of 1. */
  static void tokenize(String line, Collector<WordWithCount> out) {
    for (String token : NON_WORD.split(line.toLowerCase(Locale.ROOT))) {
      String word = stripApostrophes(token);
      if (!word.isEmpty()) {
        out.collect(new WordWithCount(word, 1));
      }
    }
  }

  /** Drops quotes around a word ("'tis" keeps its apostrophe, "'go'" loses both). */
  private static String stripApostrophes(String token) {
    int from = 0;
    int to = token.length();
    while (from < to && token.charAt(from) == '\'') {
      from++;
    }
    while (to > from && token.charAt(to - 1) == '\'') {
      to--;
    }
    return token.substring(from, to);
  }

  /** The lines of the bundled text. */
  static List<String> bundledText() {
    InputStream in = WordCount.class.getClassLoader().getResourceAsStream(BUNDLED_TEXT);
    if (in == null) {
      throw new IllegalStateException("The class path has no " + BUNDLED_TEXT);
    }
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- generated text ----

  private static final String[] VOCABULARY = {
      "the", "stream", "flows", "over", "a", "weir", "and", "water", "keeps", "moving", "river",
      "state", "every", "record", "key", "window", "time", "event", "late", "early", "bright",
      "cold", "stone", "bridge", "valley", "fish", "swift", "slow", "current", "bank", "reed",
      "mill",
  };

  /**
   * Sentence number {@code index} of the generated text: 4 to 11 words of a small vocabulary, the
   * first words more frequent than the last. A pure function of the index, as a {@link
   * DataGeneratorSource} needs.
   */
  static String sentence(long index) {
    long hash = SplitMix.mix(index);
    int length = 4 + (int) (hash >>> 61);
    StringBuilder sentence = new StringBuilder();
    for (int i = 0; i < length; i++) {
      hash = SplitMix.mix(hash);
      double u = SplitMix.unit(hash);
      String word = VOCABULARY[(int) (u * u * VOCABULARY.length)];
      if (i == 0) {
        sentence.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      } else {
        sentence.append(' ').append(word);
      }
    }
    return sentence.append('.').toString();
  }

  // ---- summary ----

  private static void printSummary(Map<String, Long> finalCounts, int top, long millis) {
    long words = finalCounts.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("Counted %,d words (%,d distinct) in %,d ms. The %d most frequent:%n",
        words, finalCounts.size(), millis, Math.min(top, finalCounts.size()));
    finalCounts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .forEach(e -> System.out.printf("  %-12s %,8d%n", e.getKey(), e.getValue()));
  }
}
