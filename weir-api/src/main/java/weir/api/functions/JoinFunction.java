package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Combines one record of each input of a window join into one output record: called once for
 * every pair of a left and a right record with equal keys in the same window.
 *
 * <pre>{@code
 * DataStream<String> pairs = orders.join(payments)
 *     .where(Order::id)
 *     .equalTo(Payment::orderId)
 *     .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
 *     .apply((order, payment) -> order.id() + " paid " + payment.amount());
 * }</pre>
 *
 * <p>Use {@link FlatJoinFunction} to emit zero or several records per pair, and
 * {@link CoGroupFunction} to see a window's records of both sides at once (for outer joins).
 * Functions are shipped inside the job graph, so they must be serializable; a function that also
 * implements {@link RichFunction} is opened and closed with the window operator.
 *
 * @param <L> the left input's type
 * @param <R> the right input's type
 * @param <O> the output type
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface JoinFunction<L, R, O> extends Function {
  /**
   * Joins one pair.
   *
   * @param left  a record of the left input
   * @param right a record of the right input with the same key, in the same window
   * @return the joined record; not null
   */
  O join(L left, R right) throws Exception;
}
