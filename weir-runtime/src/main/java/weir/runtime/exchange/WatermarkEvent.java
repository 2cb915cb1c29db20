package weir.runtime.exchange;

/** A watermark in a channel: the producer will send no more records at or before this time. */
public final class WatermarkEvent extends ControlEvent {
  private final long timestamp;

  public WatermarkEvent(long timestamp) {
    this.timestamp = timestamp;
  }

  public long timestamp() {
    return timestamp;
  }

  @Override
  public String toString() {
    return "Watermark @ " + timestamp;
  }
}
