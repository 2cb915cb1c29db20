package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Evaluates one window of a window coGroup: gets all records of the left input and all records of
 * the right input that have one key and fall into one window, and emits any number of records.
 * Unlike a join it also runs when one side is empty, which makes outer joins and per-window
 * comparisons possible.
 *
 * <pre>{@code
 * DataStream<String> unpaid = orders.coGroup(payments)
 *     .where(Order::id)
 *     .equalTo(Payment::orderId)
 *     .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
 *     .apply((orderList, paymentList, out) -> {
 *       if (!paymentList.iterator().hasNext()) {
 *         orderList.forEach(order -> out.collect("unpaid: " + order.id()));
 *       }
 *     });
 * }</pre>
 *
 * <p>The function is called once per key and window that has at least one record; at least one
 * of the two sides is not empty. Each side's records come in the order the window operator
 * received them, which across parallel inputs is not deterministic. A lambda's output type is
 * erased from {@link Collector}: give it with {@code returns(...)} on the result, or implement the
 * function as a class. Functions are shipped inside the job graph, so they must be serializable;
 * a function that also implements {@link RichFunction} is opened and closed with the window
 * operator.
 *
 * @param <L> the left input's type
 * @param <R> the right input's type
 * @param <O> the output type
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface CoGroupFunction<L, R, O> extends Function {
  /**
   * Evaluates one key's records of one window.
   *
   * @param left  the left input's records; may be empty; iterable more than once
   * @param right the right input's records; may be empty; iterable more than once
   * @param out   receives the results
   */
  void coGroup(Iterable<L> left, Iterable<R> right, Collector<O> out) throws Exception;
}
