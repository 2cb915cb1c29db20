package weir.bench.source;

import java.io.Serializable;

/**
 * The events of a benchmark, each a pure function of its index, so that every engine and every
 * reader sees exactly the same events however the index range is dealt out.
 *
 * @param <T> the event type
 */
@FunctionalInterface
public interface IndexedEvents<T> extends Serializable {
  /** Event {@code index}. */
  T event(long index);
}
