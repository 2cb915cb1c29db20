package weir.api.connector.source.lib;

import weir.api.annotation.Public;
import weir.api.functions.Function;

/**
 * Makes record number {@code index} of a {@link DataGeneratorSource}. Must be a pure function of
 * the index: readers call it concurrently and in any order.
 *
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface GeneratorFunction<T> extends Function {
  T map(long index);
}
