package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Transforms one record into exactly one record.
 *
 * <p>Functions are shipped inside the job graph, so they must be serializable; keep connections
 * and other resources in transient fields created in {@link RichFunction#open}.
 *
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface MapFunction<I, O> extends Function {
  O map(I value) throws Exception;
}
