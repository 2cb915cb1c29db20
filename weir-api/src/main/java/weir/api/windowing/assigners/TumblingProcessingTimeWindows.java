package weir.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import weir.api.annotation.Public;
import weir.api.typeinfo.TypeSerializer;
import weir.api.windowing.triggers.ProcessingTimeTrigger;
import weir.api.windowing.triggers.Trigger;
import weir.api.windowing.windows.TimeWindow;
import weir.api.windowing.windows.TimeWindowSerializer;

/**
 * Fixed-size, non-overlapping windows in processing time: a record's window follows from the clock when it arrives. Windows start at multiples of the size after
 * the epoch, shifted by the offset: {@code of(Duration.ofHours(1), Duration.ofMinutes(15))} gives
 * windows from 0:15 to 1:15, 1:15 to 2:15 and so on; an offset of {@code Duration.ofHours(-8)}
 * aligns daily windows to UTC-8. A window fires once the processing time passes its end ({@link ProcessingTimeTrigger}).
 *
 * <pre>{@code
 * stream.keyBy(Bid::auction).window(TumblingProcessingTimeWindows.of(Duration.ofMinutes(1)))
 * }</pre>
 *
 * @since 0.1
 */
@Public
public final class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long offset;

  private TumblingProcessingTimeWindows(long size, long offset) {
    this.size = size;
    this.offset = offset;
  }

  /**
   * Windows of length {@code size}, aligned to the epoch.
   *
   * @throws IllegalArgumentException if {@code size} is shorter than a millisecond
   */
  public static TumblingProcessingTimeWindows of(Duration size) {
    return new TumblingProcessingTimeWindows(AssignerArguments.positiveMillis(size, "TumblingProcessingTimeWindows", "size"), 0);
  }

  /**
   * Windows of length {@code size}, starting at {@code offset} plus multiples of the size.
   *
   * @throws IllegalArgumentException if {@code size} is shorter than a millisecond or
   *     {@code |offset| >= size}
   */
  public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
    long sizeMillis = AssignerArguments.positiveMillis(size, "TumblingProcessingTimeWindows", "size");
    return new TumblingProcessingTimeWindows(sizeMillis, AssignerArguments.offsetMillis(offset, sizeMillis, "TumblingProcessingTimeWindows", "size"));
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    long start = TimeWindow.getWindowStartWithOffset(context.getCurrentProcessingTime(), offset, size);
    return List.of(new TimeWindow(start, start + size));
  }

  @Override
  public Trigger<Object, TimeWindow> getDefaultTrigger() {
    return ProcessingTimeTrigger.create();
  }

  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer() {
    return TimeWindowSerializer.INSTANCE;
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  /** The length of the windows. */
  public Duration getSize() {
    return Duration.ofMillis(size);
  }

  /** The offset of the window starts from multiples of the size. */
  public Duration getOffset() {
    return Duration.ofMillis(offset);
  }

  @Override
  public String toString() {
    return "TumblingProcessingTimeWindows(" + size + (offset == 0 ? "" : ", " + offset) + ")";
  }
}
