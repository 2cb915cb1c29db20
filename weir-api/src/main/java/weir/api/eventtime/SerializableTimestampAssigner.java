package weir.api.eventtime;

import java.io.Serializable;
import weir.api.annotation.Public;

/**
 * A {@link TimestampAssigner} that can be shipped with the job, so lambdas can be used: {@code
 * strategy.withTimestampAssigner((event, ts) -> event.time())}.
 *
 * @param <T> the record type
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
