package weir.api.windowing.windows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import weir.api.annotation.Public;
import weir.api.windowing.assigners.MergingWindowAssigner;

/**
 * A window over the time interval {@code [start, end)}: start inclusive, end exclusive, both in
 * milliseconds (event time or processing time, depending on the assigner).
 *
 * <p>Instances are immutable values. {@link #hashCode()} is cheap and mixes all bits of both
 * bounds, as windows are the namespace of window state in hash-based state backends.
 *
 * @since 0.1
 */
@Public
public final class TimeWindow extends Window {
  private final long start;
  private final long end;

  /** The window {@code [start, end)}. */
  public TimeWindow(long start, long end) {
    this.start = start;
    this.end = end;
  }

  /** The first timestamp of the window (inclusive). */
  public long getStart() {
    return start;
  }

  /** The end of the window (exclusive): the first timestamp after it. */
  public long getEnd() {
    return end;
  }

  /** {@code end - 1}, the last timestamp in the window. */
  @Override
  public long maxTimestamp() {
    return end - 1;
  }

  /** Whether this window and {@code other} overlap or touch, so that a session spans both. */
  public boolean intersects(TimeWindow other) {
    return this.start <= other.end && this.end >= other.start;
  }

  /** The smallest window that contains this one and {@code other}. */
  public TimeWindow cover(TimeWindow other) {
    return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeWindow other && other.start == start && other.end == end;
  }

  @Override
  public int hashCode() {
    // the two bounds combined by an odd multiplier, then the SplitMix64 finalizer, so that windows
    // with close bounds (consecutive slides, sessions) spread over all bits of the hash
    long h = start * 0x9E3779B97F4A7C15L + end;
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return (int) (h ^ (h >>> 31));
  }

  @Override
  public String toString() {
    return "TimeWindow{start=" + start + ", end=" + end + "}";
  }

  /**
   * The start of the window of length {@code windowSize} that contains {@code timestamp}, where
   * windows start at {@code offset} plus multiples of the size (also for negative timestamps).
   *
   * @param timestamp  the timestamp to place
   * @param offset     where windows are aligned, relative to the epoch; may be negative
   * @param windowSize the window length, positive
   */
  public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
    long remainder = (timestamp - offset) % windowSize;
    // the remainder is negative for timestamps before the offset: step back one more window
    return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
  }

  /**
   * Merges overlapping windows, as session window assigners do: sorts {@code windows} by start,
   * covers each run of intersecting windows with one window, and calls {@code callback} for each
   * run of more than one window with the windows of the run and the covering window.
   */
  public static void mergeWindows(
      Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
    List<TimeWindow> sorted = new ArrayList<>(windows);
    sorted.sort(Comparator.comparingLong(TimeWindow::getStart));
    TimeWindow cover = null;
    Set<TimeWindow> run = null;
    for (TimeWindow candidate : sorted) {
      if (cover != null && cover.intersects(candidate)) {
        cover = cover.cover(candidate);
        run.add(candidate);
      } else {
        if (cover != null && run.size() > 1) {
          callback.merge(run, cover);
        }
        cover = candidate;
        run = new HashSet<>();
        run.add(candidate);
      }
    }
    if (cover != null && run.size() > 1) {
      callback.merge(run, cover);
    }
  }
}
