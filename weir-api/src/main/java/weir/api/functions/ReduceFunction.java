package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Combines two values of the same type into one; used for rolling and windowed reductions.
 *
 * <p>Functions are shipped inside the job graph, so they must be serializable; keep connections
 * and other resources in transient fields created in {@link RichFunction#open}.
 *
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
  T reduce(T accumulated, T value) throws Exception;
}
