package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Maps the records of two connected streams into one output type, one method per input.
 *
 * <p>Functions are shipped inside the job graph, so they must be serializable; keep connections
 * and other resources in transient fields created in {@link RichFunction#open}.
 *
 * @since 0.1
 */
@Public

public interface CoMapFunction<I1, I2, O> extends Function {
  O map1(I1 value) throws Exception;

  /** Maps a record of the second input. */
  O map2(I2 value) throws Exception;
}
