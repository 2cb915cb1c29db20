package weir.bench.foundation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * How a benchmark job takes checkpoints, the same on both engines: every {@code interval},
 * aligned, exactly-once, the keyed state on the heap, written to {@code directory} on local disk;
 * a failure restarts the job at once (fixed delay 0), at most {@link #RESTARTS} times.
 *
 * @param interval time between the starts of two periodic checkpoints
 * @param directory the folder the engine writes its checkpoints into (it makes its own
 *     subfolders there)
 */
public record CheckpointSettings(Duration interval, Path directory) {

  /** Restarts granted to a job; the recovery benchmark injects one failure. */
  public static final int RESTARTS = 1;

  public CheckpointSettings {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the checkpoint interval must be positive, got " + interval);
    }
  }

  /** Checkpoints every {@code interval} into a new folder in the system's temporary directory. */
  public static CheckpointSettings inTemporaryFolder(Duration interval) throws IOException {
    return new CheckpointSettings(interval, Files.createTempDirectory("weir-bench-checkpoints-"));
  }

  /**
   * Deletes {@link #directory} with everything the job left in it. An engine may still be
   * discarding old checkpoints in the background after its job ended (Flink does), so files that
   * vanish meanwhile are fine, and a folder that changed while it was being deleted is tried again
   * a few times.
   */
  public void deleteDirectory() throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        deleteTree();
        return;
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        if (attempt == 10) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private void deleteTree() throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
