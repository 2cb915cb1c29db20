package weir.api.state;

import javax.annotation.Nullable;
import weir.api.annotation.Public;

/**
 * One value per key.
 *
 * @param <T> the value type
 * @since 0.1
 */
@Public
public interface ValueState<T> extends State {
  /** The value of the current key, or {@code null} if none was set. */
  @Nullable
  T value();

  /** Sets the value of the current key; {@code null} clears it. */
  void update(@Nullable T value);
}
