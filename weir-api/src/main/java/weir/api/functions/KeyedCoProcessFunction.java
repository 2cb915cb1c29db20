package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Processes two connected keyed streams whose keys have the same type; records of both inputs
 * with equal keys meet in the same subtask and share the key's state.
 *
 * @param <K> the key type
 * @param <I1> the first input type
 * @param <I2> the second input type
 * @param <O> the output type
 * @since 0.1
 */
@Public
public abstract class KeyedCoProcessFunction<K, I1, I2, O> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Handles a record of the first input. */
  public abstract void processElement1(I1 value, KeyedProcessFunction.Context<K> ctx, Collector<O> out)
      throws Exception;

  /** Handles a record of the second input. */
  public abstract void processElement2(I2 value, KeyedProcessFunction.Context<K> ctx, Collector<O> out)
      throws Exception;

  /**
   * Called when a timer fires, with the timer's key as the current key; see {@link
   * KeyedProcessFunction#onTimer}.
   */
  public void onTimer(long timestamp, KeyedProcessFunction.OnTimerContext<K> ctx, Collector<O> out)
      throws Exception {}
}
