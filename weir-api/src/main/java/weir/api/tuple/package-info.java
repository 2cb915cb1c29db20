/**
 * Small immutable tuples ({@link weir.api.tuple.Tuple2}, {@link weir.api.tuple.Tuple3}) as Java
 * records, serialized through the record path.
 *
 * @since 0.1
 */
package weir.api.tuple;
