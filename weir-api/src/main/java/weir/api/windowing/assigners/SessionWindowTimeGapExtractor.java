package weir.api.windowing.assigners;

import java.io.Serializable;
import weir.api.annotation.Public;

/**
 * Gives the session gap of each record, for dynamic session windows
 * ({@link DynamicEventTimeSessionWindows}, {@link DynamicProcessingTimeSessionWindows}): the
 * record's window is {@code [time, time + gap)}, and sessions merge where windows meet.
 *
 * <p>Called once per record, so it returns plain milliseconds rather than a {@code Duration}:
 * {@code bid -> bid.premium() ? 60_000 : 10_000}.
 *
 * @param <T> the type of the records
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {
  /** The session gap of {@code element} in milliseconds; must be positive. */
  long extract(T element);
}
