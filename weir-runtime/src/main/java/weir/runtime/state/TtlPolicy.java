package weir.runtime.state;

import javax.annotation.Nullable;
import weir.api.state.StateTtlConfig;

/**
 * The rules of one state's time-to-live, from its {@link StateTtlConfig}: which clock, when a
 * value stamped with its last access has expired, and what reads do.
 *
 * <p>A value stamped {@code t} expires once the clock reaches {@code t + ttl} (saturating at
 * {@link Long#MAX_VALUE}). With event time a stamp of {@link Long#MIN_VALUE} (an access before the
 * operator's first watermark) counts as the first watermark, see {@link WatermarkClock}.
 *
 * <p>Immutable; reads its clock on the subtask's thread.
 */
final class TtlPolicy {
  private final StateTtlConfig config;
  private final long ttl;
  private final StateClock clock;
  // event time: where stamps taken before the first watermark count from
  @Nullable private final WatermarkClock watermark;
  final boolean updateOnRead;
  final boolean returnExpired;

  TtlPolicy(StateTtlConfig config, StateClock processingTime, WatermarkClock eventTime) {
    this.config = config;
    this.ttl = config.getTtl().toMillis();
    boolean eventTimeBased = config.getTimeCharacteristic() == StateTtlConfig.TimeCharacteristic.EventTime;
    this.clock = eventTimeBased ? eventTime : processingTime;
    this.watermark = eventTimeBased ? eventTime : null;
    this.updateOnRead = config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
    this.returnExpired = config.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
  }

  StateTtlConfig config() {
    return config;
  }

  /** The time of an access now: what a value is stamped with. */
  long now() {
    return clock.now();
  }

  /** Whether a value last accessed at {@code lastAccess} has expired at {@code now}. */
  boolean isExpired(long lastAccess, long now) {
    return expiresAt(lastAccess, firstWatermark()) <= now;
  }

  /** {@link #isExpired} with the first watermark given, for filters that must not read the clock later. */
  boolean isExpired(long lastAccess, long now, long firstWatermark) {
    return expiresAt(lastAccess, firstWatermark) <= now;
  }

  /** The first watermark of an event-time policy, {@link Long#MIN_VALUE} for processing time. */
  long firstWatermark() {
    return watermark == null ? Long.MIN_VALUE : watermark.first();
  }

  private long expiresAt(long lastAccess, long firstWatermark) {
    long from = Math.max(lastAccess, firstWatermark);
    long at = from + ttl;
    return at < from ? Long.MAX_VALUE : at;
  }
}
