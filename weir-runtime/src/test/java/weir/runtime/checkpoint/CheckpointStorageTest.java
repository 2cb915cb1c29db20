package weir.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged or partial checkpoint is detected by its header, lengths and checksums and skipped:
 * the newest intact one is restored, never a damaged one.
 */
class CheckpointStorageTest {
  @TempDir Path directory;

  private CheckpointStorage storage() {
    return new CheckpointStorage(directory.resolve("job"));
  }

  /** Checkpoint {@code id}: two subtasks' states and the metadata. */
  private void complete(CheckpointStorage storage, long id) throws Exception {
    StateHandle a = storage.writeState(id, 1, 0, ("state of subtask 0 at " + id).getBytes());
    StateHandle b = storage.writeState(id, 1, 1, ("state of subtask 1 at " + id).getBytes());
    storage.writeMetadata(new CheckpointMetadata(id, 1000 + id, Map.of(1, 2), List.of(a, b), Map.of()));
  }

  private static void flipByte(Path file, int at) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    bytes[at] ^= 0x5a;
    Files.write(file, bytes);
  }

  @Test
  void the_newest_intact_checkpoint_is_loaded() throws Exception {
    CheckpointStorage storage = storage();
    complete(storage, 1);
    complete(storage, 2);
    assertThat(storage.loadLatest()).hasValueSatisfying(l -> assertThat(l.metadata().id()).isEqualTo(2));
    assertThat(new String(storage.loadLatest().orElseThrow().states().values().iterator().next()))
        .isEqualTo("state of subtask 0 at 2");
  }

  @Test
  void a_checkpoint_with_a_damaged_state_file_is_skipped() throws Exception {
    CheckpointStorage storage = storage();
    complete(storage, 1);
    complete(storage, 2);
    flipByte(storage.folderOf(2).resolve("task-1-1"), 3);
    assertThat(storage.loadLatest()).hasValueSatisfying(l -> assertThat(l.metadata().id()).isEqualTo(1));
    assertThatThrownBy(() -> CheckpointStorage.loadFolder(storage.folderOf(2)))
        .isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining("task-1-1")
        .hasMessageContaining("checksum");
  }

  @Test
  void a_checkpoint_with_a_truncated_state_file_or_damaged_metadata_is_skipped() throws Exception {
    CheckpointStorage storage = storage();
    complete(storage, 1);
    complete(storage, 2);
    complete(storage, 3);
    Path state = storage.folderOf(3).resolve("task-1-0");
    Files.write(state, java.util.Arrays.copyOf(Files.readAllBytes(state), 4));
    flipByte(storage.folderOf(2).resolve(CheckpointStorage.METADATA), 30);
    assertThat(storage.loadLatest()).hasValueSatisfying(l -> assertThat(l.metadata().id()).isEqualTo(1));
    assertThatThrownBy(() -> CheckpointStorage.loadFolder(storage.folderOf(3))).hasMessageContaining("bytes, expected");
    assertThatThrownBy(() -> CheckpointStorage.loadFolder(storage.folderOf(2))).hasMessageContaining("checksum");
  }

  @Test
  void a_checkpoint_that_never_wrote_its_metadata_is_not_one() throws Exception {
    CheckpointStorage storage = storage();
    complete(storage, 1);
    storage.writeState(2, 1, 0, "written before a crash".getBytes());
    assertThat(storage.completedIds()).containsExactly(1L);
    assertThat(storage.loadLatest()).hasValueSatisfying(l -> assertThat(l.metadata().id()).isEqualTo(1));
    assertThatThrownBy(() -> CheckpointStorage.loadFolder(storage.folderOf(2)))
        .hasMessageContaining("never completed");
  }

  @Test
  void when_every_checkpoint_is_damaged_none_is_loaded() throws Exception {
    CheckpointStorage storage = storage();
    complete(storage, 1);
    flipByte(storage.folderOf(1).resolve("task-1-0"), 0);
    assertThat(storage.loadLatest()).isEmpty();
  }

  @Test
  void a_savepoint_copy_is_self_contained_and_discarding_leaves_no_files() throws Exception {
    CheckpointStorage storage = storage();
    complete(storage, 1);
    Path savepoint = directory.resolve("savepoint");
    storage.copyTo(1, savepoint);
    storage.discard(1);
    assertThat(Files.exists(storage.folderOf(1))).isFalse();
    CheckpointStorage.Loaded loaded = CheckpointStorage.loadFolder(savepoint);
    assertThat(loaded.metadata().id()).isEqualTo(1);
    assertThat(loaded.states()).hasSize(2);
    try (Stream<Path> files = Files.list(savepoint)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }
}
