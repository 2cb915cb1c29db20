package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Processes the records of two connected streams, one method per input, on one thread: the two
 * methods never run concurrently, so they can share fields and state without locks.
 *
 * @param <I1> the first input type
 * @param <I2> the second input type
 * @param <O> the output type
 * @since 0.1
 */
@Public
public abstract class CoProcessFunction<I1, I2, O> extends AbstractRichFunction {
  private static final long serialVersionUID = 1L;

  /** Handles a record of the first input. */
  public abstract void processElement1(I1 value, ProcessFunction.Context ctx, Collector<O> out)
      throws Exception;

  /** Handles a record of the second input. */
  public abstract void processElement2(I2 value, ProcessFunction.Context ctx, Collector<O> out)
      throws Exception;
}
