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
 * Session windows in processing time: a key's session lasts as long as its records come less than a
 * gap apart. Each record gets the window {@code [time, time + gap)}, and windows of the same key
 * that meet or overlap are merged with {@link TimeWindow#mergeWindows}.
 *
 * <pre>{@code
 * clicks.keyBy(Click::user).window(ProcessingTimeSessionWindows.withGap(Duration.ofMinutes(30)))
 * }</pre>
 *
 * @since 0.1
 */
@Public
public final class ProcessingTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long gap;

  private ProcessingTimeSessionWindows(long gap) {
    this.gap = gap;
  }

  /**
   * Sessions that end after {@code gap} without records.
   *
   * @throws IllegalArgumentException if {@code gap} is shorter than a millisecond
   */
  public static ProcessingTimeSessionWindows withGap(Duration gap) {
    return new ProcessingTimeSessionWindows(AssignerArguments.positiveMillis(gap, "ProcessingTimeSessionWindows", "gap"));
  }

  /** Sessions whose gap each record decides, see {@link SessionWindowTimeGapExtractor}. */
  public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
    return DynamicProcessingTimeSessionWindows.withDynamicGap(extractor);
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    long now = context.getCurrentProcessingTime();
    return List.of(new TimeWindow(now, now + gap));
  }

  @Override
  public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
    TimeWindow.mergeWindows(windows, callback);
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

  /** The gap that ends a session. */
  public Duration getGap() {
    return Duration.ofMillis(gap);
  }

  @Override
  public String toString() {
    return "ProcessingTimeSessionWindows(" + gap + ")";
  }
}
