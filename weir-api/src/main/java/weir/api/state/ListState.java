package weir.api.state;

import java.util.List;
import weir.api.annotation.Public;

/**
 * A list of values per key, or, as operator state ({@link OperatorStateStore}), per subtask.
 * {@link #get()} returns an empty iterable, never {@code null}, when the list is empty.
 *
 * @param <T> the element type
 * @since 0.1
 */
@Public
public interface ListState<T> extends AppendingState<T, Iterable<T>> {
  /** Replaces the list of the current key. */
  void update(List<T> values);

  /** Appends all values to the list of the current key. */
  void addAll(List<T> values);
}
