package weir.api.eventtime;

import java.time.Duration;
import weir.api.annotation.Public;

/**
 * Wraps a generator and marks its output idle when no record arrived for a while (in processing
 * time), so that a quiet split or partition stops holding back the watermark downstream. The
 * first record after that makes it active again.
 *
 * @param <T> the record type
 * @since 0.1
 */
@Public
public class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
  private final WatermarkGenerator<T> watermarks;
  private final WatermarkGeneratorSupplier.Context clock;
  private final long idleTimeout;
  // records are counted, not timed: no clock read per record
  private long events;
  private long eventsAtLastCheck;
  private long lastActivity;
  private boolean idle;

  /**
   * @param clock where processing time is read
   * @param idleTimeout how long without records makes the output idle; must be positive
   */
  public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout,
      WatermarkGeneratorSupplier.Context clock) {
    if (idleTimeout.isZero() || idleTimeout.isNegative()) {
      throw new IllegalArgumentException("The idle timeout must be positive, but was " + idleTimeout);
    }
    this.watermarks = watermarks;
    this.clock = clock;
    this.idleTimeout = idleTimeout.toMillis();
    this.lastActivity = clock.currentProcessingTime();
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    watermarks.onEvent(event, eventTimestamp, output);
    events++;
    if (idle) {
      idle = false;
      output.markActive();
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    long now = clock.currentProcessingTime();
    if (events != eventsAtLastCheck) {
      eventsAtLastCheck = events;
      lastActivity = now;
    }
    if (idle) {
      return;
    }
    if (now - lastActivity >= idleTimeout) {
      idle = true;
      output.markIdle();
    } else {
      watermarks.onPeriodicEmit(output);
    }
  }
}
