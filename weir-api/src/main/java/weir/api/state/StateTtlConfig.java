package weir.api.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import javax.annotation.Nullable;
import weir.api.annotation.Public;

/**
 * Time-to-live of keyed state: how long a value lives after it was last written (or read), on
 * which clock, and how expired values are removed. Enable it on a descriptor before the state is
 * first obtained:
 *
 * <pre>{@code
 * StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofHours(1))
 *     .setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite)
 *     .cleanupIncrementally(10, false)
 *     .build();
 * ValueStateDescriptor<Long> lastSeen = new ValueStateDescriptor<>("last-seen", Long.class);
 * lastSeen.enableTimeToLive(ttl);
 * }</pre>
 *
 * <h3>What expires</h3>
 * Every value keeps the time it was last accessed: the time of the write that created or last
 * changed it, and with {@link UpdateType#OnReadAndWrite} also the time of the last read. It
 * expires once the clock reaches that time plus the TTL. Value, reducing and aggregating state
 * expire as one value per key; list state expires per element and map state per entry, each with
 * its own time. A reducing or aggregating state never combines an added value with an expired
 * one: the add starts afresh.
 *
 * <h3>Clocks</h3>
 * <ul>
 *   <li>{@link TimeCharacteristic#ProcessingTime} (the default): the subtask's processing time, in
 *       milliseconds since the epoch.</li>
 *   <li>{@link TimeCharacteristic#EventTime} ({@link Builder#useEventTime()}): the operator's
 *       current watermark. An access happens at the watermark the operator had reached when it
 *       happened, whatever the timestamp of the record being processed; a value expires once the
 *       watermark reaches its last access plus the TTL. Before its first watermark an operator has
 *       no event time: values accessed then count as accessed at the first watermark that arrives
 *       (after a restore, the first watermark of the restored run). Without watermarks nothing
 *       expires.</li>
 * </ul>
 *
 * <h3>Removal</h3>
 * An expired value is removed when it is touched: read, written, or, for lists and maps, when the
 * list or map is read. Until then it still takes memory, and with {@link
 * StateVisibility#ReturnExpiredIfNotCleanedUp} a read may still return it (once: the read removes
 * it). Besides that:
 * <ul>
 *   <li>incremental cleanup (on by default, see {@link Builder#cleanupIncrementally}) checks a few
 *       more entries of the same key group at each access of the state, and optionally at each
 *       record the operator processes, removing those that expired;</li>
 *   <li>{@link Builder#cleanupFullSnapshot()} leaves expired values out of full snapshots, so a
 *       restored job does not get them back.</li>
 * </ul>
 *
 * <h3>Failure cases</h3>
 * The builder rejects a TTL under one millisecond or too large for a {@code long} of
 * milliseconds, and a non-positive cleanup size. Obtaining a state under a name already
 * registered with another TTL configuration (or none) fails with an {@link
 * IllegalStateException}: a state keeps its TTL for the lifetime of the operator.
 *
 * <p>Instances are immutable and serializable; they ship with the descriptor.
 *
 * @since 0.1
 */
@Public
public final class StateTtlConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How many entries incremental cleanup checks per step unless configured otherwise. */
  public static final int DEFAULT_CLEANUP_SIZE = 5;

  /**
   * Which accesses restart a value's time to live.
   *
   * @since 0.1
   */
  @Public
  public enum UpdateType {
    /** Only writes: creating or changing a value (an update, an add, a put). */
    OnCreateAndWrite,
    /** Writes and reads: a read of a value that has not expired extends its life too. */
    OnReadAndWrite
  }

  /**
   * Whether a read may return a value that has expired but was not removed yet.
   *
   * @since 0.1
   */
  @Public
  public enum StateVisibility {
    /** Expired values are never returned; a read behaves as if the value were gone. */
    NeverReturnExpired,
    /**
     * An expired value that is still stored is returned by the read that finds it, which then
     * removes it; later reads no longer see it.
     */
    ReturnExpiredIfNotCleanedUp
  }

  /**
   * The clock a TTL is measured on.
   *
   * @since 0.1
   */
  @Public
  public enum TimeCharacteristic {
    /** The subtask's processing time. */
    ProcessingTime,
    /** The operator's current watermark. */
    EventTime
  }

  /**
   * Settings of incremental cleanup.
   *
   * @param cleanupSize how many entries one step checks, at least 1
   * @param runCleanupForEveryRecord whether a step also runs for each record (and timer) the
   *     operator processes, not only when the state is accessed
   * @since 0.1
   */
  @Public
  public record IncrementalCleanup(int cleanupSize, boolean runCleanupForEveryRecord) implements Serializable {
    /** Validates the settings. */
    public IncrementalCleanup {
      if (cleanupSize < 1) {
        throw new IllegalArgumentException("The cleanup size of incremental TTL cleanup must be at least 1, but was "
            + cleanupSize);
      }
    }
  }

  private final Duration ttl;
  private final UpdateType updateType;
  private final StateVisibility stateVisibility;
  private final TimeCharacteristic timeCharacteristic;
  private final boolean cleanupFullSnapshot;
  @Nullable private final IncrementalCleanup incrementalCleanup;
  private final boolean cleanupInBackground;

  private StateTtlConfig(Builder b) {
    this.ttl = b.ttl;
    this.updateType = b.updateType;
    this.stateVisibility = b.stateVisibility;
    this.timeCharacteristic = b.timeCharacteristic;
    this.cleanupFullSnapshot = b.cleanupFullSnapshot;
    this.incrementalCleanup = b.incrementalCleanup;
    this.cleanupInBackground = b.cleanupInBackground;
  }

  /**
   * A builder for a TTL of {@code ttl}, with the defaults: {@link UpdateType#OnCreateAndWrite},
   * {@link StateVisibility#NeverReturnExpired}, processing time, and incremental cleanup of
   * {@value #DEFAULT_CLEANUP_SIZE} entries per state access.
   *
   * @param ttl at least one millisecond; precision below a millisecond is dropped
   * @throws IllegalArgumentException if {@code ttl} is under a millisecond or over {@code
   *     Long.MAX_VALUE} milliseconds
   */
  public static Builder newBuilder(Duration ttl) {
    return new Builder(ttl);
  }

  /** The time to live. */
  public Duration getTtl() {
    return ttl;
  }

  /** Which accesses restart the time to live. */
  public UpdateType getUpdateType() {
    return updateType;
  }

  /** Whether reads may return expired values not removed yet. */
  public StateVisibility getStateVisibility() {
    return stateVisibility;
  }

  /** The clock the TTL is measured on. */
  public TimeCharacteristic getTimeCharacteristic() {
    return timeCharacteristic;
  }

  /** Whether full snapshots leave out expired values. */
  public boolean isCleanupFullSnapshot() {
    return cleanupFullSnapshot;
  }

  /**
   * Whether background cleanup is on: incremental cleanup with the default settings unless
   * {@link Builder#cleanupIncrementally} configured it explicitly.
   */
  public boolean isCleanupInBackground() {
    return cleanupInBackground;
  }

  /**
   * The incremental cleanup that runs: the one configured with {@link
   * Builder#cleanupIncrementally}, else the default ({@value #DEFAULT_CLEANUP_SIZE} entries per
   * state access) while background cleanup is on, else {@code null}.
   */
  @Nullable
  public IncrementalCleanup getIncrementalCleanup() {
    if (incrementalCleanup != null) {
      return incrementalCleanup;
    }
    return cleanupInBackground ? new IncrementalCleanup(DEFAULT_CLEANUP_SIZE, false) : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StateTtlConfig c && c.ttl.equals(ttl) && c.updateType == updateType
        && c.stateVisibility == stateVisibility && c.timeCharacteristic == timeCharacteristic
        && c.cleanupFullSnapshot == cleanupFullSnapshot && Objects.equals(c.incrementalCleanup, incrementalCleanup)
        && c.cleanupInBackground == cleanupInBackground;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ttl, updateType, stateVisibility, timeCharacteristic, cleanupFullSnapshot, incrementalCleanup,
        cleanupInBackground);
  }

  @Override
  public String toString() {
    return "StateTtlConfig{ttl=" + ttl + ", updateType=" + updateType + ", stateVisibility=" + stateVisibility
        + ", timeCharacteristic=" + timeCharacteristic + ", cleanupFullSnapshot=" + cleanupFullSnapshot
        + ", incrementalCleanup=" + getIncrementalCleanup() + "}";
  }

  /**
   * Builds a {@link StateTtlConfig}; obtained from {@link StateTtlConfig#newBuilder}. Each setter
   * returns the builder. Not thread-safe; {@link #build()} may be called more than once.
   *
   * @since 0.1
   */
  @Public
  public static final class Builder {
    private final Duration ttl;
    private UpdateType updateType = UpdateType.OnCreateAndWrite;
    private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
    private TimeCharacteristic timeCharacteristic = TimeCharacteristic.ProcessingTime;
    private boolean cleanupFullSnapshot;
    @Nullable private IncrementalCleanup incrementalCleanup;
    private boolean cleanupInBackground = true;

    private Builder(Duration ttl) {
      Objects.requireNonNull(ttl, "The TTL of a StateTtlConfig must not be null");
      long millis;
      try {
        millis = ttl.toMillis();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("A state TTL must be at most Long.MAX_VALUE milliseconds, but was " + ttl);
      }
      if (millis < 1) {
        throw new IllegalArgumentException("A state TTL must be at least 1 ms, but was " + ttl);
      }
      this.ttl = Duration.ofMillis(millis);
    }

    /** Which accesses restart the time to live; {@link UpdateType#OnCreateAndWrite} by default. */
    public Builder setUpdateType(UpdateType updateType) {
      this.updateType = Objects.requireNonNull(updateType, "The update type of a StateTtlConfig must not be null");
      return this;
    }

    /** Whether reads may return expired values; {@link StateVisibility#NeverReturnExpired} by default. */
    public Builder setStateVisibility(StateVisibility stateVisibility) {
      this.stateVisibility =
          Objects.requireNonNull(stateVisibility, "The state visibility of a StateTtlConfig must not be null");
      return this;
    }

    /** Measures the TTL on processing time, the default. */
    public Builder useProcessingTime() {
      this.timeCharacteristic = TimeCharacteristic.ProcessingTime;
      return this;
    }

    /**
     * Measures the TTL on event time: the operator's current watermark (see "Clocks" in {@link
     * StateTtlConfig}).
     */
    public Builder useEventTime() {
      this.timeCharacteristic = TimeCharacteristic.EventTime;
      return this;
    }

    /** Leaves expired values out of full snapshots. */
    public Builder cleanupFullSnapshot() {
      this.cleanupFullSnapshot = true;
      return this;
    }

    /**
     * Configures incremental cleanup: each access of the state checks up to {@code cleanupSize}
     * entries of its current key group, going round the key group's entries so that each is
     * checked in turn, and removes those that expired. It stays on when background cleanup is
     * disabled.
     *
     * @param cleanupSize how many entries one step checks, at least 1
     * @param runCleanupForEveryRecord whether a step also runs for every record (and timer) the
     *     operator processes, not only when the state is accessed
     * @throws IllegalArgumentException if {@code cleanupSize} is under 1
     */
    public Builder cleanupIncrementally(int cleanupSize, boolean runCleanupForEveryRecord) {
      this.incrementalCleanup = new IncrementalCleanup(cleanupSize, runCleanupForEveryRecord);
      return this;
    }

    /**
     * Turns off the default incremental cleanup; expired values are then removed only when
     * touched, on full snapshots if {@link #cleanupFullSnapshot()} is set, and by an incremental
     * cleanup configured explicitly.
     */
    public Builder disableCleanupInBackground() {
      this.cleanupInBackground = false;
      return this;
    }

    /** The configuration. */
    public StateTtlConfig build() {
      return new StateTtlConfig(this);
    }
  }
}
