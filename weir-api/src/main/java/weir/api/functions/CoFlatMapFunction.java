package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Flat-maps the records of two connected streams into one output type, one method per input.
 *
 * <p>Functions are shipped inside the job graph, so they must be serializable; keep connections
 * and other resources in transient fields created in {@link RichFunction#open}.
 *
 * @since 0.1
 */
@Public

public interface CoFlatMapFunction<I1, I2, O> extends Function {
  void flatMap1(I1 value, Collector<O> out) throws Exception;

  /** Handles a record of the second input. */
  void flatMap2(I2 value, Collector<O> out) throws Exception;
}
