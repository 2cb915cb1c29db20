package weir.api.eventtime;

import weir.api.annotation.Public;

/**
 * Where a {@link WatermarkGenerator} emits. Watermarks that do not advance are ignored, so a
 * generator may emit the same value repeatedly.
 *
 * @since 0.1
 */
@Public
public interface WatermarkOutput {
  /** Emits a watermark; also marks the output active again if it was idle. */
  void emitWatermark(Watermark watermark);

  /**
   * Marks this output idle: it stops holding back the watermark of the subtasks downstream until
   * it emits a record or a watermark again.
   */
  void markIdle();

  /** Marks this output active again without emitting a watermark. */
  void markActive();
}
