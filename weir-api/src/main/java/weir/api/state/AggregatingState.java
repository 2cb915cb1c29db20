package weir.api.state;

import weir.api.annotation.Public;

/**
 * One accumulator per key, fed by the descriptor's aggregate function; {@link #get()} returns the
 * function's result.
 *
 * @param <IN> the added type
 * @param <OUT> the result type
 * @since 0.1
 */
@Public
public interface AggregatingState<IN, OUT> extends AppendingState<IN, OUT> {}
