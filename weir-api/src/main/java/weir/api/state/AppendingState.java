package weir.api.state;

import javax.annotation.Nullable;
import weir.api.annotation.Public;

/**
 * State that values are added to and read back as one result.
 *
 * @param <IN> what is added
 * @param <OUT> what is read
 * @since 0.1
 */
@Public
public interface AppendingState<IN, OUT> extends State {
  /** The current result for the current key, or {@code null} if nothing was added. */
  @Nullable
  OUT get();

  /** Adds a value for the current key. */
  void add(IN value);
}
