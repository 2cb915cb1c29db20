package weir.api.connector.source.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.source.Source;
import weir.api.connector.source.SourceSplit;
import weir.api.typeinfo.StringSerializer;

/**
 * Every lib source, read in part, checkpointed through its serializers and restored into a fresh
 * enumerator and fresh readers (at the same and at another parallelism), emits per split exactly
 * the records of an uninterrupted read: none lost, none twice, in the same order.
 */
class LibSources_checkpointTest {
  private static final int[] PARALLELISMS = {1, 2, 3};
  /** Poll rounds before the checkpoint: before any record, mid-split, across splits, after the end. */
  private static final int[] ROUNDS_BEFORE_CHECKPOINT = {0, 1, 2, 3, 5, 100_000};

  @TempDir Path dir;

  @Test
  void when_numberSequenceRestoresFromACheckpoint_then_itContinuesExactlyAfterTheLastNumber() throws Exception {
    assertRestoresExactly(new NumberSequenceSource(-7, 5000));
  }

  @Test
  void when_dataGeneratorRestoresFromACheckpoint_then_itContinuesExactlyAfterTheLastRecord() throws Exception {
    assertRestoresExactly(new DataGeneratorSource<>(i -> "g" + i, 4321));
  }

  @Test
  void when_fromElementsRestoresFromACheckpoint_then_itContinuesExactlyAfterTheLastElement() throws Exception {
    List<String> elements = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      elements.add(i % 10 == 0 ? null : "e" + i);
    }
    assertRestoresExactly(new FromElementsSource<>(elements, StringSerializer.INSTANCE));
  }

  @Test
  void when_textLinesRestoreFromACheckpoint_then_theyContinueExactlyAfterTheLastLine() throws Exception {
    writeLines(dir.resolve("a.txt"), "a", 2500, "\n", true);
    writeLines(dir.resolve("b.txt"), "b", 0, "\n", true);
    writeLines(dir.resolve("c.txt"), "c", 1100, "\r\n", false);
    writeLines(dir.resolve("d.txt"), "d", 3, "\n", true);
    assertRestoresExactly(new TextLineSource(dir));
  }

  @Test
  void when_aTextFileShrankBeforeRestore_then_theReaderFailsNamingTheFile() throws Exception {
    Path file = dir.resolve("shrinks.txt");
    writeLines(file, "s", 3000, "\n", true);
    TextLineSource source = new TextLineSource(file);
    SourceDriver<String, TextLineSource.FileSplit, Collection<TextLineSource.FileSplit>> before =
        SourceDriver.start(source, 1);
    before.pollRound();
    before.pollRound();
    SourceDriver.Checkpoint checkpoint = before.checkpoint(1);
    before.close();
    writeLines(file, "s", 10, "\n", true);

    SourceDriver<String, TextLineSource.FileSplit, Collection<TextLineSource.FileSplit>> after =
        SourceDriver.restore(source, checkpoint, 1);
    assertThatThrownBy(after::runToEnd)
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("has 10 lines")
        .hasMessageContaining("2048 lines read");
    after.close();
  }

  @Test
  void when_splitsAndEnumeratorStateRoundTrip_then_theyEqualTheOriginals() throws Exception {
    NumberSequenceSource numbers = new NumberSequenceSource(0, 9);
    IndexRangeSplit range = new IndexRangeSplit("id-ü", 3, 77);
    assertThat(roundTrip(numbers.getSplitSerializer(), range)).isEqualTo(range);
    List<IndexRangeSplit> ranges = List.of(range, new IndexRangeSplit("2", 0, 0));
    assertThat(roundTrip(numbers.getEnumeratorCheckpointSerializer(), ranges)).containsExactlyElementsOf(ranges);
    assertThat(roundTrip(numbers.getEnumeratorCheckpointSerializer(), List.of())).isEmpty();

    TextLineSource lines = new TextLineSource(dir);
    TextLineSource.FileSplit file = new TextLineSource.FileSplit(dir.resolve("ä b.txt").toString(), 12);
    assertThat(roundTrip(lines.getSplitSerializer(), file)).isEqualTo(file);
    assertThat(roundTrip(lines.getEnumeratorCheckpointSerializer(), List.of(file))).containsExactly(file);
  }

  @Test
  void when_aSerializerGetsAVersionItDoesNotKnow_then_itThrowsNamingTheVersion() throws Exception {
    NumberSequenceSource numbers = new NumberSequenceSource(0, 9);
    byte[] split = numbers.getSplitSerializer().serialize(new IndexRangeSplit("0", 1, 2));
    assertThatThrownBy(() -> numbers.getSplitSerializer().deserialize(99, split))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version 99");
    byte[] state = numbers.getEnumeratorCheckpointSerializer().serialize(List.of());
    assertThatThrownBy(() -> numbers.getEnumeratorCheckpointSerializer().deserialize(2, state))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version 2");
  }

  @Test
  void when_enumeratorStateIsTruncated_then_deserializingFailsInsteadOfReturningFewerSplits() throws Exception {
    SimpleVersionedSerializer<Collection<IndexRangeSplit>> serializer =
        new NumberSequenceSource(0, 9).getEnumeratorCheckpointSerializer();
    byte[] bytes = serializer.serialize(List.of(new IndexRangeSplit("0", 1, 2), new IndexRangeSplit("1", 3, 4)));
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
    assertThatThrownBy(() -> serializer.deserialize(serializer.getVersion(), truncated))
        .isInstanceOf(IOException.class);
  }

  private <T, S extends SourceSplit, E> void assertRestoresExactly(Source<T, S, E> source) throws Exception {
    for (int parallelism : PARALLELISMS) {
      SourceDriver<T, S, E> uninterrupted = SourceDriver.start(source, parallelism);
      uninterrupted.runToEnd();
      uninterrupted.close();
      Map<String, List<T>> expected = uninterrupted.emitted();
      assertThat(expected).isNotEmpty();

      for (int rounds : ROUNDS_BEFORE_CHECKPOINT) {
        Set<Integer> restoreParallelisms = new LinkedHashSet<>(List.of(parallelism, parallelism + 1,
            Math.max(1, parallelism - 1)));
        for (int restoreParallelism : restoreParallelisms) {
          SourceDriver<T, S, E> before = SourceDriver.start(source, parallelism);
          for (int i = 0; i < rounds && before.pollRound(); i++) {
            // reads part of the data
          }
          SourceDriver.Checkpoint checkpoint = before.checkpoint(7);
          before.close();
          SourceDriver<T, S, E> after = SourceDriver.restore(source, checkpoint, restoreParallelism);
          after.runToEnd();
          after.close();

          assertThat(concat(before.emitted(), after.emitted()))
              .as("parallelism %d, checkpoint after %d rounds, restored at parallelism %d",
                  parallelism, rounds, restoreParallelism)
              .isEqualTo(expected);
        }
      }
    }
  }

  private static <T> Map<String, List<T>> concat(Map<String, List<T>> first, Map<String, List<T>> second) {
    Map<String, List<T>> result = new LinkedHashMap<>();
    first.forEach((split, records) -> result.computeIfAbsent(split, s -> new ArrayList<>()).addAll(records));
    second.forEach((split, records) -> result.computeIfAbsent(split, s -> new ArrayList<>()).addAll(records));
    return result;
  }

  private static <V> V roundTrip(SimpleVersionedSerializer<V> serializer, V value) throws IOException {
    return serializer.deserialize(serializer.getVersion(), serializer.serialize(value));
  }

  private static void writeLines(Path file, String prefix, int count, String separator, boolean trailing)
      throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(prefix).append('-').append(i);
      if (i < count - 1 || trailing) {
        text.append(separator);
      }
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
