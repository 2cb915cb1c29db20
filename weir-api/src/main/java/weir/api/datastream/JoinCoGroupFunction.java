package weir.api.datastream;

import weir.api.functions.CoGroupFunction;
import weir.api.functions.Collector;
import weir.api.functions.FlatJoinFunction;
import weir.api.functions.JoinFunction;

/**
 * A window join as a coGroup: hands every pair of a window's left and right records to the join
 * function, so a window with an empty side emits nothing.
 */
record JoinCoGroupFunction<L, R, O>(FlatJoinFunction<L, R, O> join) implements CoGroupFunction<L, R, O> {
  /** Joins with a {@link JoinFunction}: one output record per pair. */
  static <L, R, O> JoinCoGroupFunction<L, R, O> of(JoinFunction<L, R, O> function) {
    return new JoinCoGroupFunction<>(new OnePerPair<>(function));
  }

  @Override
  public void coGroup(Iterable<L> left, Iterable<R> right, Collector<O> out) throws Exception {
    for (L l : left) {
      for (R r : right) {
        join.join(l, r, out);
      }
    }
  }

  /** Runs a {@link JoinFunction} as a flat join function that emits one record per pair. */
  private record OnePerPair<L, R, O>(JoinFunction<L, R, O> function) implements FlatJoinFunction<L, R, O> {
    @Override
    public void join(L left, R right, Collector<O> out) throws Exception {
      out.collect(function.join(left, right));
    }
  }
}
