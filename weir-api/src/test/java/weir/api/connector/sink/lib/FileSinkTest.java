package weir.api.connector.sink.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weir.api.connector.SimpleVersionedSerializer;
import weir.api.connector.sink.CommitRequest;
import weir.api.connector.sink.Committer;
import weir.api.connector.sink.CommitterInitContext;
import weir.api.connector.sink.CommittingSinkWriter;
import weir.api.connector.sink.StatefulSinkWriter;
import weir.api.connector.sink.WriterInitContext;
import weir.api.connector.sink.lib.FileSink.BucketState;
import weir.api.connector.sink.lib.FileSink.PendingFile;
import weir.api.connector.sink.lib.RecordingCommitRequest.Outcome;

/**
 * The file sink's writer and committer driven directly, as the runtime drives them around
 * checkpoints, crashes and restores, with every checkpointed value passed through its serializer.
 */
class FileSinkTest {
  @TempDir Path dir;

  // ---- write, prepare, commit

  @Test
  void when_recordsAreWrittenPreparedAndCommitted_then_aFinalFileHoldsThem() throws Exception {
    FileSink<String> sink = sink();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    assertThat(sink.createWriter(writerContext(0, 1)))
        .isInstanceOf(CommittingSinkWriter.class)
        .isInstanceOf(StatefulSinkWriter.class);
    write(writer, "a", "b", "c");

    List<PendingFile> committables = checkpoint(writer);
    assertThat(committables).hasSize(1);
    assertThat(visibleFiles()).isEmpty();

    List<RecordingCommitRequest<PendingFile>> requests = commit(sink, committables);
    assertThat(requests).extracting(RecordingCommitRequest::outcome).containsExactly(Outcome.COMMITTED);
    assertThat(visibleFiles()).containsExactly(entry("part-0-0", "a\nb\nc\n"));
    assertThat(hiddenFiles()).isEmpty();
    writer.close();
  }

  @Test
  void when_severalCheckpointsPass_then_eachHasItsOwnPartAndACheckpointWithoutRecordsHasNone() throws Exception {
    FileSink<String> sink = sink();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    write(writer, "a", "b");
    commit(sink, checkpoint(writer));
    assertThat(checkpoint(writer)).isEmpty();
    write(writer, "c");
    commit(sink, checkpoint(writer));

    assertThat(visibleFiles()).containsExactly(entry("part-0-0", "a\nb\n"), entry("part-0-1", "c\n"));
    writer.close();
  }

  @Test
  void when_parallelWritersShareABucket_then_theirNamesDifferBySubtask() throws Exception {
    FileSink<String> sink = sink();
    FileSinkWriter<String> first = createWriter(sink, 0, 2);
    FileSinkWriter<String> second = createWriter(sink, 1, 2);
    write(first, "from 0");
    write(second, "from 1");
    List<PendingFile> committables = new ArrayList<>(checkpoint(first));
    committables.addAll(checkpoint(second));
    commit(sink, committables);

    assertThat(visibleFiles()).containsExactly(entry("part-0-0", "from 0\n"), entry("part-1-0", "from 1\n"));
    first.close();
    second.close();
  }

  @Test
  void when_anOutputFileConfigIsGiven_then_partNamesHaveItsPrefixAndSuffix() throws Exception {
    FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
        .withOutputFileConfig(OutputFileConfig.defaults().withPartPrefix("orders").withPartSuffix(".txt"))
        .build();
    FileSinkWriter<String> writer = createWriter(sink, 3, 4);
    write(writer, "x");
    List<PendingFile> committables = checkpoint(writer);
    assertThat(hiddenFiles()).singleElement().asString().startsWith(".orders-3-0.txt.inprogress.");

    commit(sink, committables);
    assertThat(visibleFiles()).containsExactly(entry("orders-3-0.txt", "x\n"));
    writer.close();
  }

  @Test
  void when_anOutputFileConfigIsInvalid_then_itIsRejected() {
    assertThatThrownBy(() -> OutputFileConfig.defaults().withPartPrefix(".hidden"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'.hidden'");
    assertThatThrownBy(() -> OutputFileConfig.defaults().withPartPrefix("a/b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OutputFileConfig.defaults().withPartSuffix("/x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- idempotence and recovery

  @Test
  void when_theSameCommittablesAreCommittedTwice_then_theSecondCommitChangesNothing() throws Exception {
    FileSink<String> sink = sink();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    write(writer, "a");
    List<PendingFile> committables = checkpoint(writer);
    commit(sink, committables);

    List<RecordingCommitRequest<PendingFile>> again =
        commit(sink, roundTrip(sink.getCommittableSerializer(), committables));
    assertThat(again).extracting(RecordingCommitRequest::outcome).containsExactly(Outcome.ALREADY_COMMITTED);
    assertThat(visibleFiles()).containsExactly(entry("part-0-0", "a\n"));
    writer.close();
  }

  @Test
  void when_aCrashFollowsPrepareCommitAndTheRestoredCommittablesAreCommitted_then_eachRecordIsInOneFinalFile()
      throws Exception {
    FileSink<String> sink = sink();
    Restored restored = crashAfterCheckpoint(sink);

    // as after a restore: the checkpoint's committables are committed, then the writer restored
    commit(sink, restored.committables());
    FileSinkWriter<String> writer = restoreWriter(sink, 0, 1, restored.states());
    assertThat(hiddenFiles()).isEmpty();
    write(writer, "r4", "r5"); // replayed from the source's checkpointed position
    commit(sink, checkpoint(writer));

    assertThat(visibleFiles()).containsExactly(entry("part-0-0", "r1\nr2\nr3\n"), entry("part-0-1", "r4\nr5\n"));
    assertThat(hiddenFiles()).isEmpty();
    writer.close();
  }

  @Test
  void when_theWriterIsRestoredBeforeTheRestoredCommittablesAreCommitted_then_eachRecordIsInOneFinalFile()
      throws Exception {
    FileSink<String> sink = sink();
    Restored restored = crashAfterCheckpoint(sink);

    FileSinkWriter<String> writer = restoreWriter(sink, 0, 1, restored.states());
    write(writer, "r4", "r5");
    List<PendingFile> next = checkpoint(writer);
    commit(sink, restored.committables());
    commit(sink, next);

    assertThat(visibleFiles()).containsExactly(entry("part-0-0", "r1\nr2\nr3\n"), entry("part-0-1", "r4\nr5\n"));
    assertThat(hiddenFiles()).isEmpty();
    writer.close();
  }

  @Test
  void when_restoredAgainFromTheSameCheckpoint_then_theSecondRecoveryCommitsNothingTwice() throws Exception {
    FileSink<String> sink = sink();
    Restored restored = crashAfterCheckpoint(sink);
    commit(sink, restored.committables());
    FileSinkWriter<String> crashedAgain = restoreWriter(sink, 0, 1, restored.states());
    write(crashedAgain, "r4");
    crashedAgain.flush(false); // the second run dies before its next checkpoint

    List<RecordingCommitRequest<PendingFile>> requests = commit(sink, restored.committables());
    FileSinkWriter<String> writer = restoreWriter(sink, 0, 1, restored.states());
    write(writer, "r4", "r5");
    commit(sink, checkpoint(writer));

    assertThat(requests).extracting(RecordingCommitRequest::outcome).containsOnly(Outcome.ALREADY_COMMITTED);
    assertThat(visibleFiles()).containsExactly(entry("part-0-0", "r1\nr2\nr3\n"), entry("part-0-1", "r4\nr5\n"));
    assertThat(hiddenFiles()).isEmpty();
    writer.close();
  }

  @Test
  void when_dataIsNotCommitted_then_itIsNeverVisibleAsAFinalFile() throws Exception {
    FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
        .withRollingPolicy(RollingPolicy.onCheckpoint().withMaxPartSize(4))
        .build();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    write(writer, "rolled", "rolled", "open");
    writer.flush(false);
    assertThat(visibleFiles()).isEmpty();
    assertThat(hiddenFiles()).hasSize(3);

    List<PendingFile> prepared = checkpoint(writer);
    assertThat(prepared).hasSize(3);
    assertThat(visibleFiles()).isEmpty();

    write(writer, "after the checkpoint");
    writer.close();
    assertThat(visibleFiles()).isEmpty();
    // the prepared parts wait for their commit; the part after the checkpoint is gone
    assertThat(hiddenFiles()).hasSize(3);
  }

  @Test
  void when_aWriterIsClosedWithoutACheckpoint_then_itDeletesItsInProgressFiles() throws Exception {
    FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
        .withRollingPolicy(RollingPolicy.onCheckpoint().withMaxPartSize(1))
        .build();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    write(writer, "closed by the rolling policy", "open");
    writer.close();

    assertThat(visibleFiles()).isEmpty();
    assertThat(hiddenFiles()).isEmpty();
  }

  @Test
  void when_restoredWithFewerSubtasks_then_noFinalNameIsReusedAndTheLostSubtasksFilesAreDeleted() throws Exception {
    FileSink<String> sink = sink();
    FileSinkWriter<String> w0 = createWriter(sink, 0, 2);
    FileSinkWriter<String> w1 = createWriter(sink, 1, 2);
    write(w0, "0a");
    write(w1, "1a");
    List<PendingFile> committables = new ArrayList<>(checkpoint(w0));
    committables.addAll(checkpoint(w1));
    List<BucketState> states = new ArrayList<>(w0.snapshotState(1));
    states.addAll(w1.snapshotState(1));
    write(w0, "0b lost");
    write(w1, "1b lost");
    w0.flush(false);
    w1.flush(false);
    commit(sink, committables);

    // parallelism 2 -> 1: the only writer gets both states
    FileSinkWriter<String> only = restoreWriter(sink, 0, 1, roundTrip(sink.getWriterStateSerializer(), states));
    assertThat(hiddenFiles()).isEmpty();
    write(only, "0c", "1c");
    commit(sink, checkpoint(only));
    List<BucketState> single = only.snapshotState(2);
    only.close();

    // parallelism 1 -> 2: subtask 1 gets no state and must not reuse part-1-0
    FileSinkWriter<String> n0 = restoreWriter(sink, 0, 2, roundTrip(sink.getWriterStateSerializer(), single));
    FileSinkWriter<String> n1 = restoreWriter(sink, 1, 2, List.of());
    write(n0, "0d");
    write(n1, "1d");
    List<PendingFile> last = new ArrayList<>(checkpoint(n0));
    last.addAll(checkpoint(n1));
    commit(sink, last);

    assertThat(visibleFiles()).containsExactly(
        entry("part-0-0", "0a\n"),
        entry("part-0-1", "0c\n1c\n"),
        entry("part-0-2", "0d\n"),
        entry("part-1-0", "1a\n"),
        entry("part-1-1", "1d\n"));
    assertThat(hiddenFiles()).isEmpty();
    n0.close();
    n1.close();
  }

  @Test
  void when_restoredFromAnOlderCheckpoint_then_finalFilesCommittedSinceAreNotOverwritten() throws Exception {
    FileSink<String> sink = sink();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    write(writer, "a");
    commit(sink, checkpoint(writer));
    List<BucketState> older = writer.snapshotState(1);
    write(writer, "b");
    commit(sink, checkpoint(writer));
    writer.close();

    FileSinkWriter<String> restored = restoreWriter(sink, 0, 1, older);
    write(restored, "b again");
    commit(sink, checkpoint(restored));

    assertThat(visibleFiles()).containsExactly(
        entry("part-0-0", "a\n"), entry("part-0-1", "b\n"), entry("part-0-2", "b again\n"));
    restored.close();
  }

  // ---- failures are reported

  @Test
  void when_neitherTheInProgressNorTheFinalFileExists_then_theRequestFailsWithAKnownReason() throws Exception {
    FileSink<String> sink = sink();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    write(writer, "a");
    List<PendingFile> committables = checkpoint(writer);
    Files.delete(dir.resolve(committables.get(0).inProgressName()));

    List<RecordingCommitRequest<PendingFile>> requests = commit(sink, committables);
    assertThat(requests).extracting(RecordingCommitRequest::outcome).containsExactly(Outcome.FAILED_KNOWN);
    assertThat(requests.get(0).failure()).isInstanceOf(IOException.class).hasMessageContaining("lost")
        .hasMessageContaining("part-0-0");
    writer.close();
  }

  @Test
  void when_theFinalNameIsTaken_then_theRequestFailsAndTheOtherFileIsKept() throws Exception {
    FileSink<String> sink = sink();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    write(writer, "a");
    List<PendingFile> committables = checkpoint(writer);
    Files.writeString(dir.resolve("part-0-0"), "someone else's");

    List<RecordingCommitRequest<PendingFile>> requests = commit(sink, committables);
    assertThat(requests).extracting(RecordingCommitRequest::outcome).containsExactly(Outcome.FAILED_KNOWN);
    assertThat(requests.get(0).failure()).hasMessageContaining("taken by another file");
    assertThat(visibleFiles()).containsExactly(entry("part-0-0", "someone else's"));
    writer.close();
  }

  @Test
  void when_theInProgressFileChangedSize_then_theRequestFailsInsteadOfCommittingIt() throws Exception {
    FileSink<String> sink = sink();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    write(writer, "abc");
    List<PendingFile> committables = checkpoint(writer);
    Files.writeString(dir.resolve(committables.get(0).inProgressName()), "a");

    List<RecordingCommitRequest<PendingFile>> requests = commit(sink, committables);
    assertThat(requests).extracting(RecordingCommitRequest::outcome).containsExactly(Outcome.FAILED_KNOWN);
    assertThat(requests.get(0).failure()).hasMessageContaining("expected 4 bytes").hasMessageContaining("found 1");
    assertThat(visibleFiles()).isEmpty();
    writer.close();
  }

  @Test
  void when_theRenameFails_then_commitThrows() throws Exception {
    FileSink<String> sink = sink();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    write(writer, "a");
    PendingFile prepared = checkpoint(writer).get(0);
    // no file system takes a name of 300 bytes, so the rename itself fails
    PendingFile unrenamable = new PendingFile(prepared.bucketId(), prepared.inProgressName(), "x".repeat(300),
        prepared.size());

    assertThatThrownBy(() -> commit(sink, List.of(unrenamable))).isInstanceOf(IOException.class);
    assertThat(visibleFiles()).isEmpty();
    assertThat(hiddenFiles()).containsExactly(prepared.inProgressName());
    writer.close();
  }

  // ---- rolling and buckets

  @Test
  void when_aPartReachesTheMaximumSize_then_theNextRecordStartsANewPart() throws Exception {
    FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
        .withRollingPolicy(RollingPolicy.onCheckpoint().withMaxPartSize(10))
        .build();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    write(writer, "aaaa", "bbbb", "cccc", "dddd", "eeee");
    commit(sink, checkpoint(writer));

    assertThat(visibleFiles()).containsExactly(
        entry("part-0-0", "aaaa\nbbbb\n"), entry("part-0-1", "cccc\ndddd\n"), entry("part-0-2", "eeee\n"));
    writer.close();
  }

  @Test
  void when_aPartIsOlderThanTheRolloverInterval_then_theNextRecordStartsANewPart() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2024-05-01T10:00:00Z"));
    FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
        .withRollingPolicy(RollingPolicy.onCheckpoint().withRolloverInterval(Duration.ofMinutes(1)))
        .withClock(clock)
        .build();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    write(writer, "a");
    clock.advance(Duration.ofSeconds(59));
    write(writer, "b");
    clock.advance(Duration.ofSeconds(1));
    write(writer, "c");
    commit(sink, checkpoint(writer));

    assertThat(visibleFiles()).containsExactly(entry("part-0-0", "a\nb\n"), entry("part-0-1", "c\n"));
    writer.close();
  }

  @Test
  void when_theProcessingTimeCrossesAnHour_then_theDateTimeAssignerStartsANewBucket() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2024-05-01T13:59:59.999Z"));
    FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
        .withBucketAssigner(BucketAssigner.dateTime())
        .withClock(clock)
        .build();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    write(writer, "a");
    clock.advance(Duration.ofMillis(1));
    write(writer, "b");
    commit(sink, checkpoint(writer));

    assertThat(visibleFiles()).containsExactly(
        entry("2024-05-01--13/part-0-0", "a\n"), entry("2024-05-01--14/part-0-0", "b\n"));
    writer.close();
  }

  @Test
  void when_aDateTimePatternHasSlashes_then_bucketsAreNestedDirectories() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2024-12-31T23:30:00Z"));
    FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
        .withBucketAssigner(BucketAssigner.dateTime("yyyy/MM/dd", ZoneId.of("Europe/Berlin")))
        .withClock(clock)
        .build();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    write(writer, "new year in Berlin");
    commit(sink, checkpoint(writer));

    assertThat(visibleFiles()).containsExactly(entry("2025/01/01/part-0-0", "new year in Berlin\n"));
    writer.close();
  }

  @Test
  void when_aBucketIdLeavesTheBasePath_then_writingFailsNamingIt() throws Exception {
    FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
        .withBucketAssigner((element, context) -> element)
        .build();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    for (String bad : List.of("../escape", "/absolute", "a/../b", "./a")) {
      assertThatThrownBy(() -> writer.write(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
    writer.close();
  }

  @Test
  void when_anIdleBucketOutlivesACheckpoint_then_itLeavesTheWriterStateButItsCountersAreNotReused()
      throws Exception {
    FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
        .withBucketAssigner((element, context) -> element.substring(0, 1))
        .build();
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    write(writer, "a1", "b1");
    commit(sink, checkpoint(writer));
    assertThat(writer.snapshotState(1)).extracting(BucketState::bucketId).containsExactlyInAnyOrder("a", "b");
    write(writer, "a2");
    commit(sink, checkpoint(writer));
    assertThat(writer.snapshotState(2)).extracting(BucketState::bucketId).containsExactlyInAnyOrder("a", "b");
    commit(sink, checkpoint(writer));
    assertThat(writer.snapshotState(3)).extracting(BucketState::bucketId).containsExactly("a");
    assertThat(writer.snapshotState(4)).isEmpty();
    write(writer, "b2");
    commit(sink, checkpoint(writer));

    assertThat(visibleFiles()).containsExactly(
        entry("a/part-0-0", "a1\n"), entry("a/part-0-1", "a2\n"), entry("b/part-0-0", "b1\n"),
        entry("b/part-0-1", "b2\n"));
    writer.close();
  }

  // ---- serializers

  @Test
  void when_theSinkTravelsSerialized_then_itsCopyWritesAndCommits() throws Exception {
    FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
        .withBucketAssigner(BucketAssigner.dateTime("'out'", ZoneId.of("UTC")))
        .withRollingPolicy(RollingPolicy.onCheckpoint().withRolloverInterval(Duration.ofHours(1)))
        .build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(sink);
    }
    @SuppressWarnings("unchecked")
    FileSink<String> copy = (FileSink<String>) new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray())).readObject();

    FileSinkWriter<String> writer = createWriter(copy, 0, 1);
    write(writer, "a");
    commit(copy, checkpoint(writer));
    assertThat(visibleFiles()).containsExactly(entry("out/part-0-0", "a\n"));
    writer.close();
  }

  @Test
  void when_committablesAndWriterStatesRoundTrip_then_theyEqualTheOriginals() throws Exception {
    FileSink<String> sink = sink();
    PendingFile file = new PendingFile("2024/05", ".part-0-3.inprogress.x", "part-0-3", 42);
    BucketState state = new BucketState("ü/b", 7, 1L << 40);
    assertThat(roundTrip(sink.getCommittableSerializer(), List.of(file))).containsExactly(file);
    assertThat(roundTrip(sink.getWriterStateSerializer(), List.of(state))).containsExactly(state);

    byte[] bytes = sink.getCommittableSerializer().serialize(file);
    assertThatThrownBy(() -> sink.getCommittableSerializer().deserialize(2, bytes))
        .isInstanceOf(IOException.class).hasMessageContaining("version 2");
  }

  // ---- helpers

  /** What a restore hands over, after a crash that followed a checkpoint. */
  private record Restored(List<PendingFile> committables, List<BucketState> states) {}

  /**
   * Writes r1..r3, checkpoints (prepareCommit and snapshotState), writes r4 into a new part that
   * reaches the disk, and dies without a commit or a close.
   */
  private Restored crashAfterCheckpoint(FileSink<String> sink) throws IOException {
    FileSinkWriter<String> writer = createWriter(sink, 0, 1);
    write(writer, "r1", "r2", "r3");
    List<PendingFile> committables = checkpoint(writer);
    List<BucketState> states = writer.snapshotState(1);
    write(writer, "r4");
    writer.flush(false);
    assertThat(hiddenFiles()).hasSize(2);
    assertThat(visibleFiles()).isEmpty();
    return new Restored(
        roundTrip(sink.getCommittableSerializer(), committables),
        roundTrip(sink.getWriterStateSerializer(), states));
  }

  private FileSink<String> sink() {
    return FileSink.forRowFormat(dir, new SimpleStringEncoder<String>()).build();
  }

  private static FileSinkWriter<String> createWriter(FileSink<String> sink, int subtask, int parallelism) {
    return (FileSinkWriter<String>) sink.createWriter(writerContext(subtask, parallelism));
  }

  private static FileSinkWriter<String> restoreWriter(
      FileSink<String> sink, int subtask, int parallelism, Collection<BucketState> states) throws IOException {
    return (FileSinkWriter<String>) sink.restoreWriter(writerContext(subtask, parallelism), states);
  }

  private static void write(FileSinkWriter<String> writer, String... records) throws IOException {
    for (String r : records) {
      writer.write(r);
    }
  }

  /** What the runtime does when a barrier reaches the sink. */
  private static List<PendingFile> checkpoint(FileSinkWriter<String> writer) throws IOException {
    writer.flush(false);
    return writer.prepareCommit();
  }

  private static List<RecordingCommitRequest<PendingFile>> commit(
      FileSink<String> sink, Collection<PendingFile> committables) throws Exception {
    List<RecordingCommitRequest<PendingFile>> requests = RecordingCommitRequest.of(committables);
    try (Committer<PendingFile> committer = sink.createCommitter(committerContext())) {
      committer.commit(new ArrayList<CommitRequest<PendingFile>>(requests));
    }
    return requests;
  }

  private static <V> List<V> roundTrip(SimpleVersionedSerializer<V> serializer, Collection<V> values)
      throws IOException {
    List<V> result = new ArrayList<>();
    for (V value : values) {
      result.add(serializer.deserialize(serializer.getVersion(), serializer.serialize(value)));
    }
    return result;
  }

  /** The files a reader of the output sees: none of whose path elements starts with a dot. */
  private Map<String, String> visibleFiles() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path relative = dir.relativize(p);
        boolean hidden = false;
        for (Path element : relative) {
          hidden |= element.toString().startsWith(".");
        }
        if (Files.isRegularFile(p) && !hidden) {
          files.put(relative.toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }

  /** The names of the hidden files anywhere below the base path. */
  private List<String> hiddenFiles() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith("."))
          .sorted()
          .toList();
    }
  }

  private static WriterInitContext writerContext(int subtask, int parallelism) {
    return new WriterInitContext() {
      @Override
      public String getJobName() {
        return "file-sink-test";
      }

      @Override
      public int getSubtaskIndex() {
        return subtask;
      }

      @Override
      public int getParallelism() {
        return parallelism;
      }

      @Override
      public int getAttemptNumber() {
        return 0;
      }
    };
  }

  private static CommitterInitContext committerContext() {
    return new CommitterInitContext() {
      @Override
      public String getJobName() {
        return "file-sink-test";
      }

      @Override
      public int getSubtaskIndex() {
        return 0;
      }

      @Override
      public int getParallelism() {
        return 1;
      }

      @Override
      public int getAttemptNumber() {
        return 0;
      }
    };
  }
}
