package weir.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weir.api.checkpoint.CheckpointConfig;
import weir.runtime.exchange.CheckpointBarrier;

/**
 * A checkpoint aborted because its attempt failed, while the coordinator writes its subtasks'
 * state files, is cleaned up without a trace and without disturbing the restart.
 */
class CheckpointCoordinator_abortTest {
  private static final int SUBTASKS = 4;
  private static final int ROUNDS = 20;

  @TempDir Path directory;

  /**
   * A subtask that acknowledges each checkpoint at once with a snapshot of half a megabyte, or,
   * when {@code silent}, never: so no checkpoint completes before its attempt fails.
   */
  private static final class Subtask implements CheckpointCoordinator.Participant {
    private final int index;
    private final CheckpointCoordinator coordinator;
    private final boolean silent;
    private final TaskSnapshot snapshot;
    private volatile CountDownLatch acknowledged = new CountDownLatch(1);

    Subtask(int index, CheckpointCoordinator coordinator, boolean silent) {
      this.index = index;
      this.coordinator = coordinator;
      this.silent = silent;
      this.snapshot = new TaskSnapshot(false, List.of(new OperatorSnapshot("op", Map.of(0, new byte[1 << 19]),
          Map.of(), List.of())));
    }

    @Override
    public int vertexId() {
      return 0;
    }

    @Override
    public int subtask() {
      return index;
    }

    @Override
    public void triggerCheckpoint(CheckpointBarrier barrier) {
      if (!silent) {
        coordinator.acknowledge(this, barrier.id(), () -> snapshot, 0, 0);
      }
      acknowledged.countDown();
    }

    @Override
    public void notifyCheckpointComplete(long id) {}

    @Override
    public void notifyCheckpointAborted(long id) {}

    @Override
    public void drain() {}
  }

  @Test
  void when_an_attempt_fails_while_state_files_are_written_then_the_aborted_checkpoint_leaves_no_folder()
      throws Exception {
    CheckpointConfig config = new CheckpointConfig().setCheckpointDirectory(directory)
        .setCheckpointTimeout(Duration.ofMinutes(1));
    List<Throwable> jobFailures = new ArrayList<>();
    CheckpointCoordinator coordinator = new CheckpointCoordinator("job", config, new CheckpointStorage(directory), 1,
        Map.of(0, SUBTASKS + 1), jobFailures::add);
    List<Subtask> subtasks = new ArrayList<>();
    for (int i = 0; i <= SUBTASKS; i++) {
      subtasks.add(new Subtask(i, coordinator, i == SUBTASKS));
    }
    for (int round = 0; round < ROUNDS; round++) {
      for (Subtask s : subtasks) {
        s.acknowledged = new CountDownLatch(1);
      }
      coordinator.start(subtasks, List.of());
      subtasks.forEach(coordinator::taskInitialized);
      coordinator.triggerCheckpoint();
      for (Subtask s : subtasks) {
        assertThat(s.acknowledged.await(1, TimeUnit.MINUTES)).isTrue();
      }
      // the attempt fails while the coordinator writes the acknowledged states
      coordinator.stopAttempt();
    }
    coordinator.shutdown();

    await().atMost(Duration.ofSeconds(20)).until(() -> checkpointFolders().isEmpty());
    assertThat(coordinator.stats()).isEmpty();
    assertThat(jobFailures).isEmpty();
  }

  private List<Path> checkpointFolders() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().startsWith("chk-")).toList();
    }
  }
}
