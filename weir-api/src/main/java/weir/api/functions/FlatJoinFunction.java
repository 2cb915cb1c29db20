package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Turns one pair of a window join into zero, one or more output records: called once for every
 * pair of a left and a right record with equal keys in the same window.
 *
 * <pre>{@code
 * DataStream<Match> matches = bids.join(asks)
 *     .where(Bid::item)
 *     .equalTo(Ask::item)
 *     .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
 *     .apply((bid, ask, out) -> {
 *       if (bid.price() >= ask.price()) {
 *         out.collect(new Match(bid, ask));
 *       }
 *     });
 * }</pre>
 *
 * <p>A lambda's output type is erased from {@link Collector}, so the result stream's type is only
 * known at run time (records are then serialized with their class name): give it with
 * {@code returns(...)} on the result, or implement the function as a class. Functions are shipped inside the job graph, so they must be serializable; a function
 * that also implements {@link RichFunction} is opened and closed with the window operator.
 *
 * @param <L> the left input's type
 * @param <R> the right input's type
 * @param <O> the output type
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface FlatJoinFunction<L, R, O> extends Function {
  /**
   * Joins one pair.
   *
   * @param left  a record of the left input
   * @param right a record of the right input with the same key, in the same window
   * @param out   receives the joined records
   */
  void join(L left, R right, Collector<O> out) throws Exception;
}
