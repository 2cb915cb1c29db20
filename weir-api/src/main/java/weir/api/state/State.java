package weir.api.state;

import weir.api.annotation.Public;

/**
 * Base of state handles. A keyed state handle is obtained once in {@code open()} and then always
 * refers to the value of the key of the record (or timer) being processed: the same handle reads
 * and writes a different value for every key. An operator state handle ({@link
 * OperatorStateStore}) holds one value for the whole subtask. State is only touched from the
 * subtask's own thread.
 *
 * <p>Values read from state may be copies (the heap backend keeps small values of a fixed shape
 * in serialized form, and returns a fresh copy on every read; it keeps immutable records and
 * values that hold collections as the objects themselves): to change a value, write it back with
 * {@code update} or {@code add}; changing a returned object in place is not guaranteed to change
 * the state.
 *
 * @since 0.1
 */
@Public
public interface State {
  /** Removes the value of the current key (for operator state: the subtask's value). */
  void clear();
}
