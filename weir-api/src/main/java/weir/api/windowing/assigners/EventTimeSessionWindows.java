package weir.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import weir.api.annotation.Public;
import weir.api.typeinfo.TypeSerializer;
import weir.api.windowing.triggers.EventTimeTrigger;
import weir.api.windowing.triggers.Trigger;
import weir.api.windowing.windows.TimeWindow;
import weir.api.windowing.windows.TimeWindowSerializer;

/**
 * Session windows in event time: a key's session lasts as long as its records come less than a
 * gap apart. Each record gets the window {@code [time, time + gap)}, and windows of the same key
 * that meet or overlap are merged with {@link TimeWindow#mergeWindows}.
 *
 * <pre>{@code
 * clicks.keyBy(Click::user).window(EventTimeSessionWindows.withGap(Duration.ofMinutes(30)))
 * }</pre>
 *
 * @since 0.1
 */
@Public
public final class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long gap;

  private EventTimeSessionWindows(long gap) {
    this.gap = gap;
  }

  /**
   * Sessions that end after {@code gap} without records.
   *
   * @throws IllegalArgumentException if {@code gap} is shorter than a millisecond
   */
  public static EventTimeSessionWindows withGap(Duration gap) {
    return new EventTimeSessionWindows(AssignerArguments.positiveMillis(gap, "EventTimeSessionWindows", "gap"));
  }

  /** Sessions whose gap each record decides, see {@link SessionWindowTimeGapExtractor}. */
  public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
    return DynamicEventTimeSessionWindows.withDynamicGap(extractor);
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    AssignerArguments.requireTimestamp(timestamp, "EventTimeSessionWindows");
    return List.of(new TimeWindow(timestamp, timestamp + gap));
  }

  @Override
  public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
    TimeWindow.mergeWindows(windows, callback);
  }

  @Override
  public Trigger<Object, TimeWindow> getDefaultTrigger() {
    return EventTimeTrigger.create();
  }

  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer() {
    return TimeWindowSerializer.INSTANCE;
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  /** The gap that ends a session. */
  public Duration getGap() {
    return Duration.ofMillis(gap);
  }

  @Override
  public String toString() {
    return "EventTimeSessionWindows(" + gap + ")";
  }
}
