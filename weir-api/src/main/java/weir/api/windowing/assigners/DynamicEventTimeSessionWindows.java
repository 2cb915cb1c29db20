package weir.api.windowing.assigners;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import weir.api.annotation.Public;
import weir.api.typeinfo.TypeSerializer;
import weir.api.windowing.triggers.EventTimeTrigger;
import weir.api.windowing.triggers.Trigger;
import weir.api.windowing.windows.TimeWindow;
import weir.api.windowing.windows.TimeWindowSerializer;

/**
 * Session windows in event time whose gap each record decides: a record gets the window
 * {@code [time, time + extractor.extract(record))}, and windows of the same key that meet or
 * overlap are merged, as for {@link EventTimeSessionWindows}.
 *
 * <pre>{@code
 * clicks.keyBy(Click::user).window(EventTimeSessionWindows.withDynamicGap(c -> c.premium() ? 60_000 : 10_000))
 * }</pre>
 *
 * @param <T> the type of the records
 * @since 0.1
 */
@Public
public final class DynamicEventTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final SessionWindowTimeGapExtractor<T> extractor;

  private DynamicEventTimeSessionWindows(SessionWindowTimeGapExtractor<T> extractor) {
    this.extractor = Objects.requireNonNull(extractor, "extractor");
  }

  /** Sessions whose gap {@code extractor} gives per record. */
  public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
    return new DynamicEventTimeSessionWindows<>(extractor);
  }

  @Override
  public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
    AssignerArguments.requireTimestamp(timestamp, "DynamicEventTimeSessionWindows");
    long gap = extractor.extract(element);
    if (gap <= 0) {
      throw new IllegalArgumentException(
          "DynamicEventTimeSessionWindows needs a positive session gap, but the extractor returned " + gap + " ms for " + element);
    }
    return List.of(new TimeWindow(timestamp, timestamp + gap));
  }

  @Override
  public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
    TimeWindow.mergeWindows(windows, callback);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Trigger<T, TimeWindow> getDefaultTrigger() {
    return (Trigger<T, TimeWindow>) (Trigger<?, TimeWindow>) EventTimeTrigger.create();
  }

  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer() {
    return TimeWindowSerializer.INSTANCE;
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  /** The extractor that gives each record's gap. */
  public SessionWindowTimeGapExtractor<T> getGapExtractor() {
    return extractor;
  }

  @Override
  public String toString() {
    return "DynamicEventTimeSessionWindows()";
  }
}
