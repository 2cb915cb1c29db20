package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Receives the records a function emits. Records are passed on by reference: do not change a
 * record after emitting it.
 *
 * @since 0.1
 */
@Public
public interface Collector<T> {
  /** Emits a record downstream. */
  void collect(T record);
}
