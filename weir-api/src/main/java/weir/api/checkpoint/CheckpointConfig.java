package weir.api.checkpoint;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import javax.annotation.Nullable;
import weir.api.annotation.Public;

/**
 * How a job takes checkpoints: consistent snapshots of all its state, from which it restarts
 * after a failure with exactly-once results.
 *
 * <ul>
 *   <li>{@code interval}: time between the start of two periodic checkpoints; checkpointing is
 *       off until one is set ({@code StreamExecutionEnvironment.enableCheckpointing}).
 *   <li>{@code timeout}: a checkpoint that has not completed this long after it started is aborted
 *       and its files are deleted (default 10 min).
 *   <li>{@code minPauseBetweenCheckpoints}: the least time from the end of one checkpoint to the
 *       start of the next (default 0). At most one checkpoint is in progress at a time.
 *   <li>{@code tolerableCheckpointFailures}: failed checkpoints in a row the job accepts before it
 *       fails itself (default 0: the first failed checkpoint fails the job).
 *   <li>{@code retainedCheckpoints}: completed checkpoints kept on disk (default 1); older ones
 *       are deleted once a newer one is complete.
 *   <li>{@code directory}: where checkpoints are written, one folder per job; default a folder
 *       {@code weir-checkpoints} in the system's temporary directory.
 *   <li>{@code unaligned}: barriers overtake records in flight, which are stored with the
 *       checkpoint instead of being waited for (default off: barriers are aligned). A subtask
 *       snapshots as soon as the first barrier reaches it, so checkpoints complete quickly even
 *       under backpressure; the price is that records in flight are written with the checkpoint
 *       and replayed on restore, and such a checkpoint restores only at the same parallelism.
 *       Savepoints are always aligned.
 *   <li>{@code alignedCheckpointTimeout}: with unaligned checkpoints on, a subtask first aligns
 *       and switches to unaligned only when alignment has taken this long (default 0: unaligned
 *       from the first barrier).
 * </ul>
 *
 * @since 0.1
 */
@Public
public final class CheckpointConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  @Nullable private Duration interval;
  private Duration timeout = Duration.ofMinutes(10);
  private Duration minPauseBetweenCheckpoints = Duration.ZERO;
  private int tolerableCheckpointFailures;
  private int retainedCheckpoints = 1;
  @Nullable private String directory;
  private boolean unaligned;
  private Duration alignedCheckpointTimeout = Duration.ZERO;

  /** Whether periodic checkpoints are on. */
  public boolean isCheckpointingEnabled() {
    return interval != null;
  }

  /** The interval of periodic checkpoints, or {@code null} when checkpointing is off. */
  @Nullable
  public Duration getCheckpointInterval() {
    return interval;
  }

  /** Turns periodic checkpoints on with the given interval (at least 10 ms). */
  public CheckpointConfig setCheckpointInterval(Duration interval) {
    if (interval == null || interval.toMillis() < 10) {
      throw new IllegalArgumentException("The checkpoint interval must be at least 10 ms, but was " + interval);
    }
    this.interval = interval;
    return this;
  }

  public Duration getCheckpointTimeout() {
    return timeout;
  }

  public CheckpointConfig setCheckpointTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("The checkpoint timeout must be positive, but was " + timeout);
    }
    this.timeout = timeout;
    return this;
  }

  public Duration getMinPauseBetweenCheckpoints() {
    return minPauseBetweenCheckpoints;
  }

  public CheckpointConfig setMinPauseBetweenCheckpoints(Duration pause) {
    if (pause == null || pause.isNegative()) {
      throw new IllegalArgumentException("The minimum pause between checkpoints must not be negative, but was " + pause);
    }
    this.minPauseBetweenCheckpoints = pause;
    return this;
  }

  public int getTolerableCheckpointFailureNumber() {
    return tolerableCheckpointFailures;
  }

  public CheckpointConfig setTolerableCheckpointFailureNumber(int failures) {
    if (failures < 0) {
      throw new IllegalArgumentException("The tolerable checkpoint failures must not be negative, but was " + failures);
    }
    this.tolerableCheckpointFailures = failures;
    return this;
  }

  public int getRetainedCheckpoints() {
    return retainedCheckpoints;
  }

  public CheckpointConfig setRetainedCheckpoints(int retained) {
    if (retained < 1) {
      throw new IllegalArgumentException("At least one checkpoint must be retained, but " + retained + " was set");
    }
    this.retainedCheckpoints = retained;
    return this;
  }

  /** The checkpoint directory. */
  public Path getCheckpointDirectory() {
    return directory != null ? Path.of(directory) : Path.of(System.getProperty("java.io.tmpdir"), "weir-checkpoints");
  }

  public CheckpointConfig setCheckpointDirectory(Path directory) {
    this.directory = directory.toAbsolutePath().toString();
    return this;
  }

  public boolean isUnalignedCheckpointsEnabled() {
    return unaligned;
  }

  public CheckpointConfig enableUnalignedCheckpoints(boolean unaligned) {
    this.unaligned = unaligned;
    return this;
  }

  /** How long a subtask aligns before it switches to an unaligned checkpoint; see the class description. */
  public Duration getAlignedCheckpointTimeout() {
    return alignedCheckpointTimeout;
  }

  /**
   * With unaligned checkpoints on, a subtask aligns barriers for up to {@code timeout} and then
   * switches to unaligned; {@link Duration#ZERO} (the default) is unaligned from the first barrier.
   */
  public CheckpointConfig setAlignedCheckpointTimeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("The aligned checkpoint timeout must be zero or positive, but was " + timeout);
    }
    this.alignedCheckpointTimeout = timeout;
    return this;
  }
}
