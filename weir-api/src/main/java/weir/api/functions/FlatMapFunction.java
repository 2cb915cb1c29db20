package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Transforms one record into zero, one or more records, emitted through the collector.
 *
 * <p>Functions are shipped inside the job graph, so they must be serializable; keep connections
 * and other resources in transient fields created in {@link RichFunction#open}.
 *
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface FlatMapFunction<I, O> extends Function {
  void flatMap(I value, Collector<O> out) throws Exception;
}
