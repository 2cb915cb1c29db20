package weir.runtime.exchange;

/**
 * An element that travels in-band with the records of a channel but is meant for the runtime,
 * not for operators: end of partition, watermarks and watermark status, checkpoint barriers.
 * Records and control events share one ring so their order is kept.
 */
public abstract class ControlEvent {
  /** The producer will send no watermarks for a while; see {@code StatusWatermarkValve}. */
  public static final ControlEvent IDLE = new ControlEvent() {
    @Override
    public String toString() {
      return "Idle";
    }
  };

  /** The producer sends watermarks again after being idle. */
  public static final ControlEvent ACTIVE = new ControlEvent() {
    @Override
    public String toString() {
      return "Active";
    }
  };

  /** The producer of this channel will send nothing more. */
  public static final ControlEvent END_OF_PARTITION = new ControlEvent() {
    @Override
    public String toString() {
      return "EndOfPartition";
    }
  };
}
