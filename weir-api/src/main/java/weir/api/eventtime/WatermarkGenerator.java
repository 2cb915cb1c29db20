package weir.api.eventtime;

import weir.api.annotation.Public;

/**
 * Generates watermarks from the records of one source split (or one subtask of a mid-stream
 * assigner). Punctuated generators emit from {@link #onEvent}; periodic ones from {@link
 * #onPeriodicEmit}, which the runtime calls every {@code ExecutionConfig#getAutoWatermarkInterval()}.
 *
 * <h3>Threading</h3>
 * Called on the subtask's thread only; an instance serves one split and needs no locking.
 *
 * @param <T> the record type
 * @since 0.1
 */
@Public
public interface WatermarkGenerator<T> {
  /** Sees each record with its assigned timestamp; may emit a watermark (punctuated). */
  void onEvent(T event, long eventTimestamp, WatermarkOutput output);

  /** Called periodically; may emit a watermark (periodic). */
  void onPeriodicEmit(WatermarkOutput output);
}
