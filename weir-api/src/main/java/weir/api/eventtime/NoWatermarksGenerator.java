package weir.api.eventtime;

import weir.api.annotation.Public;

/**
 * Emits no watermarks: for jobs that only use processing time. Bounded sources still end event
 * time with {@link Watermark#MAX_WATERMARK} when they finish.
 *
 * @param <T> the record type
 * @since 0.1
 */
@Public
public final class NoWatermarksGenerator<T> implements WatermarkGenerator<T> {
  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {}
}
