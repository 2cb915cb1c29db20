package weir.api.connector.sink.lib;

import java.io.Serializable;
import java.time.Duration;
import javax.annotation.Nullable;
import weir.api.annotation.Evolving;

/**
 * When a {@link FileSink} writer closes a part file and starts the next one. A part file is
 * always closed at each checkpoint, since only closed files can be committed; it can also be
 * closed earlier, once it reaches a size or an age. Both are checked when a record arrives for
 * the part's bucket, before it is written, so a part may exceed the size by one record and a
 * quiet bucket's part stays open until the next checkpoint.
 *
 * <pre>{@code
 * RollingPolicy.onCheckpoint().withMaxPartSize(128 << 20).withRolloverInterval(Duration.ofMinutes(15))
 * }</pre>
 *
 * @param maxPartSize the size in bytes from which a part is closed; {@link Long#MAX_VALUE} for
 *     no limit
 * @param rolloverInterval the age from which a part is closed; {@code null} for no limit
 * @since 0.1
 */
@Evolving
public record RollingPolicy(long maxPartSize, @Nullable Duration rolloverInterval) implements Serializable {
  public RollingPolicy {
    if (maxPartSize <= 0) {
      throw new IllegalArgumentException("The maximum part size must be positive bytes, but was " + maxPartSize);
    }
    if (rolloverInterval != null && (rolloverInterval.isNegative() || rolloverInterval.isZero())) {
      throw new IllegalArgumentException("The rollover interval must be positive, but was " + rolloverInterval);
    }
  }

  /** Closes part files at checkpoints only. */
  public static RollingPolicy onCheckpoint() {
    return new RollingPolicy(Long.MAX_VALUE, null);
  }

  /** This policy, also closing a part once it holds {@code bytes} bytes. */
  public RollingPolicy withMaxPartSize(long bytes) {
    return new RollingPolicy(bytes, rolloverInterval);
  }

  /** This policy, also closing a part once it was opened {@code interval} ago. */
  public RollingPolicy withRolloverInterval(Duration interval) {
    return new RollingPolicy(maxPartSize, interval);
  }
}
