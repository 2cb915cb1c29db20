package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Keeps the records for which it returns {@code true}.
 *
 * <p>Functions are shipped inside the job graph, so they must be serializable; keep connections
 * and other resources in transient fields created in {@link RichFunction#open}.
 *
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface FilterFunction<T> extends Function {
  boolean filter(T value) throws Exception;
}
