package weir.runtime.state;

/**
 * The event time of one keyed operator: the last watermark it received. The operator's timer
 * service advances it as watermarks arrive; keyed state with event-time TTL reads it.
 *
 * <p>It also remembers the operator's first watermark: TTL counts state accessed before any
 * watermark arrived (stamped {@link Long#MIN_VALUE}) as accessed at that first watermark, so that
 * the first watermark does not expire everything written before it.
 *
 * <p>Owned by the subtask's thread.
 */
public final class WatermarkClock implements StateClock {
  private long current = Long.MIN_VALUE;
  private long first = Long.MIN_VALUE;

  /** The current watermark; {@link Long#MIN_VALUE} before the first one. */
  @Override
  public long now() {
    return current;
  }

  /** The first watermark above {@link Long#MIN_VALUE} the operator received, or {@link Long#MIN_VALUE}. */
  public long first() {
    return first;
  }

  /** Moves to {@code watermark}, which the operator just received. */
  public void advance(long watermark) {
    if (first == Long.MIN_VALUE) {
      first = watermark;
    }
    current = watermark;
  }
}
