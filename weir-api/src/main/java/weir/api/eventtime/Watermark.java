package weir.api.eventtime;

import weir.api.annotation.Public;

/**
 * A point in event time: the stream will bring no more records with a timestamp at or before it
 * (records that do are late). Watermarks travel in-band with the records; a subtask's watermark
 * is the minimum over its active inputs.
 *
 * @since 0.1
 */
@Public
public final class Watermark {
  /** The watermark that ends event time: a bounded source emits it when it has read everything. */
  public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

  private final long timestamp;

  public Watermark(long timestamp) {
    this.timestamp = timestamp;
  }

  /** The watermark's time in milliseconds since the epoch. */
  public long getTimestamp() {
    return timestamp;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Watermark w && w.timestamp == timestamp;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(timestamp);
  }

  @Override
  public String toString() {
    return "Watermark @ " + timestamp;
  }
}
