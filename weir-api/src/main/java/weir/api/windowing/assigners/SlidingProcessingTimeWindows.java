package weir.api.windowing.assigners;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import weir.api.annotation.Public;
import weir.api.typeinfo.TypeSerializer;
import weir.api.windowing.triggers.ProcessingTimeTrigger;
import weir.api.windowing.triggers.Trigger;
import weir.api.windowing.windows.TimeWindow;
import weir.api.windowing.windows.TimeWindowSerializer;

/**
 * Fixed-size windows in processing time that start every {@code slide}, so that they overlap when the
 * slide is shorter than the size: with a size of 10 s and a slide of 5 s each record is in two
 * windows. Windows start at {@code offset} plus multiples of the slide after the epoch.
 *
 * <pre>{@code
 * stream.keyBy(Bid::auction).window(SlidingProcessingTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(2)))
 * }</pre>
 *
 * @since 0.1
 */
@Public
public final class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long slide;
  private final long offset;

  private SlidingProcessingTimeWindows(long size, long slide, long offset) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
  }

  /**
   * Windows of length {@code size} starting every {@code slide}, aligned to the epoch.
   *
   * @throws IllegalArgumentException if the size or slide is shorter than a millisecond
   */
  public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
    return of(size, slide, Duration.ZERO);
  }

  /**
   * Windows of length {@code size} starting at {@code offset} plus multiples of {@code slide}.
   *
   * @throws IllegalArgumentException if the size or slide is shorter than a millisecond or
   *     {@code |offset| >= slide}
   */
  public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
    long sizeMillis = AssignerArguments.positiveMillis(size, "SlidingProcessingTimeWindows", "size");
    long slideMillis = AssignerArguments.positiveMillis(slide, "SlidingProcessingTimeWindows", "slide");
    return new SlidingProcessingTimeWindows(sizeMillis, slideMillis, AssignerArguments.offsetMillis(offset, slideMillis, "SlidingProcessingTimeWindows", "slide"));
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    long time = context.getCurrentProcessingTime();
    List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
    long lastStart = TimeWindow.getWindowStartWithOffset(time, offset, slide);
    for (long start = lastStart; start > time - size; start -= slide) {
      windows.add(new TimeWindow(start, start + size));
    }
    return windows;
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

  /** The distance between the starts of consecutive windows. */
  public Duration getSlide() {
    return Duration.ofMillis(slide);
  }

  /** The offset of the window starts from multiples of the slide. */
  public Duration getOffset() {
    return Duration.ofMillis(offset);
  }

  @Override
  public String toString() {
    return "SlidingProcessingTimeWindows(" + size + ", " + slide + (offset == 0 ? "" : ", " + offset) + ")";
  }
}
