package weir.api.functions;

import weir.api.annotation.Public;

/**
 * A function with a lifecycle. {@link #open} runs on the subtask's thread before the first
 * record, with the context that gives access to the subtask's identity, metrics and (on keyed
 * streams) keyed state; {@link #close} runs after the last one, also when the job fails or is
 * cancelled. Any function may implement this interface; process functions always do.
 *
 * @since 0.1
 */
@Public
public interface RichFunction extends Function {
  /**
   * Called once per subtask before any record. Create connections and register state here.
   *
   * @param context the subtask's runtime context; valid until {@link #close}
   */
  default void open(RuntimeContext context) throws Exception {}

  /** Called once per subtask after the last record, or on failure or cancellation. */
  default void close() throws Exception {}
}
