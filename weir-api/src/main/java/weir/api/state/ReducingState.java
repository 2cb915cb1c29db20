package weir.api.state;

import weir.api.annotation.Public;

/**
 * One value per key, combined with each added value by the descriptor's reduce function.
 *
 * @param <T> the value type
 * @since 0.1
 */
@Public
public interface ReducingState<T> extends AppendingState<T, T> {}
