package weir.api.functions;

import weir.api.annotation.Public;

/**
 * A process function on a keyed stream: keyed state obtained from the runtime context is scoped
 * to the key of the current record, which the context also exposes.
 *
 * @param <K> the key type
 * @param <I> the input type
 * @param <O> the main output type
 * @since 0.1
 */
@Public
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Handles one record. */
  public abstract void processElement(I value, Context<K> ctx, Collector<O> out) throws Exception;

  /**
   * Called when a timer set through {@link Context#timerService()} fires, with the timer's key as
   * the current key (keyed state reads that key's values). What it emits carries the timer's time
   * as its timestamp when the timer is an event-time one.
   *
   * @param timestamp the time the timer was set for
   */
  public void onTimer(long timestamp, OnTimerContext<K> ctx, Collector<O> out) throws Exception {}

  /** The process context plus the current key. */
  public interface Context<K> extends ProcessFunction.Context {
    /** The key of the record being processed, or of the timer firing. */
    K getCurrentKey();
  }

  /** The context of {@link #onTimer}: also says which clock the timer was set on. */
  public interface OnTimerContext<K> extends Context<K> {
    /** The clock of the firing timer. */
    TimeDomain timeDomain();
  }
}
