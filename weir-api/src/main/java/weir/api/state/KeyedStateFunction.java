package weir.api.state;

import weir.api.annotation.Public;

/**
 * Applied to the state of one key by {@code applyToKeyedState} of a keyed broadcast process
 * function: {@code state} refers to {@code key}'s value while the function runs, and may be
 * read, updated or cleared.
 *
 * @param <K> the key type
 * @param <S> the kind of state
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {
  /** Processes the state of {@code key}. */
  void process(K key, S state) throws Exception;
}
