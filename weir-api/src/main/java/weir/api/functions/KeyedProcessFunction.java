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

  /** The process context plus the current key. */
  public interface Context<K> extends ProcessFunction.Context {
    /** The key of the record being processed. */
    K getCurrentKey();
  }
}
