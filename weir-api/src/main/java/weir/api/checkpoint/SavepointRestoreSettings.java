package weir.api.checkpoint;

import java.io.Serializable;
import java.nio.file.Path;
import weir.api.annotation.Public;

/**
 * Where a job starts from: a savepoint (or a retained checkpoint) folder, the one holding its
 * {@code _metadata}. State is matched to operators by uid; state of an operator the job no longer
 * has is an error unless {@code allowNonRestoredState}. The job may run with another parallelism
 * than the one the savepoint was taken with (up to its max parallelism, which must not change).
 *
 * @param path the savepoint folder, as an absolute path string
 * @param allowNonRestoredState whether state no operator claims is dropped instead of failing
 * @since 0.1
 */
@Public
public record SavepointRestoreSettings(String path, boolean allowNonRestoredState) implements Serializable {
  /** Starts from the savepoint in {@code folder}. */
  public static SavepointRestoreSettings forPath(Path folder, boolean allowNonRestoredState) {
    return new SavepointRestoreSettings(folder.toAbsolutePath().toString(), allowNonRestoredState);
  }
}
