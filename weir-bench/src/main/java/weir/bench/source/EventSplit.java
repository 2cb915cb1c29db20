package weir.bench.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The events one reader still has to read: indices {@code next}, {@code next + stride},
 * {@code next + 2 * stride}, ... below {@code end}, in that order.
 *
 * <p>{@link #plan} deals the index range out round-robin (split {@code s} of {@code p} reads
 * {@code s, s + p, s + 2p, ...}), not in contiguous ranges: event time advances with the index, so
 * with contiguous ranges the second reader would start half a run ahead of the first, the
 * downstream watermark (the minimum over the readers) would hold back every window of the later
 * half until the first reader is done, and the window state would grow with the run. Dealt out
 * round-robin, every reader steps through the whole event-time range at the same pace.
 *
 * <p>A reader must get exactly one split: a reader that read a second split after its first
 * would go back in event time, and the second split's events would be late.
 *
 * @param id the split's number, 0 &le; id &lt; stride
 * @param next the next index to read
 * @param stride the distance between consecutive indices, the number of splits
 * @param end one past the last index of the whole range
 */
public record EventSplit(int id, long next, int stride, long end) implements weir.api.connector.source.SourceSplit {

  public EventSplit {
    if (id < 0 || id >= stride || next < 0 || end < 0) {
      throw new IllegalArgumentException("invalid split: " + id + ", " + next + ", " + stride + ", " + end);
    }
  }

  /** Deals {@code [0, records)} out to {@code readers} splits; split {@code s} is for reader {@code s}. */
  public static List<EventSplit> plan(long records, int readers) {
    List<EventSplit> splits = new ArrayList<>(readers);
    for (int s = 0; s < readers; s++) {
      splits.add(new EventSplit(s, s, readers, records));
    }
    return splits;
  }

  /**
   * Writes the split as id (int), next (long), stride (int), end (long): version 1 of both
   * engines' split serializers.
   */
  public void writeTo(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(id);
    out.writeLong(next);
    out.writeInt(stride);
    out.writeLong(end);
  }

  /** Reads a split {@link #writeTo} wrote. */
  public static EventSplit readFrom(java.io.DataInput in) throws java.io.IOException {
    return new EventSplit(in.readInt(), in.readLong(), in.readInt(), in.readLong());
  }

  /** The split's id as a string, for engines whose splits are named. */
  public String name() {
    return "events-" + id + "-of-" + stride;
  }

  /** The split's id for Weir's source API: its name. */
  @Override
  public String splitId() {
    return name();
  }

  /** Whether there is an index left to read. */
  public boolean hasNext() {
    return next < end;
  }

  /** This split with its position moved to {@code position} (an index of this split, or past the end). */
  public EventSplit at(long position) {
    return new EventSplit(id, position, stride, end);
  }
}
