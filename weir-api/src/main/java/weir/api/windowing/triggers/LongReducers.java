package weir.api.windowing.triggers;

import weir.api.functions.ReduceFunction;

/** The reduce functions of the built-in triggers' counters and fire times. */
final class LongReducers {
  private LongReducers() {}

  /** Adds. */
  static final class Sum implements ReduceFunction<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long reduce(Long accumulated, Long value) {
      return accumulated + value;
    }
  }

  /** Keeps the smaller value. */
  static final class Min implements ReduceFunction<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long reduce(Long accumulated, Long value) {
      return Math.min(accumulated, value);
    }
  }
}
