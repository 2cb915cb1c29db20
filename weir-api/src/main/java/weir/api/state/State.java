package weir.api.state;

import weir.api.annotation.Public;

/**
 * Base of keyed state. A state handle is obtained once in {@code open()} and then always refers
 * to the value of the key of the record (or timer) being processed: the same handle reads and
 * writes a different value for every key. State is only touched from the subtask's own thread.
 *
 * @since 0.1
 */
@Public
public interface State {
  /** Removes the value of the current key. */
  void clear();
}
