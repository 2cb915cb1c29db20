package weir.api.metrics;

import weir.api.annotation.Public;

/**
 * A counter a function increments, owned by one subtask and so only touched by its thread. The
 * job's result sums the counters of the same name over all subtasks.
 *
 * @since 0.1
 */
@Public
public interface Counter {
  /** Adds one. */
  void inc();

  /** Adds {@code n}. */
  void inc(long n);

  /** The current count of this subtask. */
  long getCount();
}
