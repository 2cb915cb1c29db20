package weir.api.functions;

import weir.api.annotation.Public;

/**
 * Extracts the key of a record. The key must have stable {@code hashCode}/{@code equals}; it
 * decides the key group and so the subtask that owns the record's state.
 *
 * <p>It must be a pure function of the record: the runtime calls it more than once per record
 * (to route the record, then to scope its state) and may share one instance between the
 * subtasks that route records.
 *
 * <p>Functions are shipped inside the job graph, so they must be serializable; keep connections
 * and other resources in transient fields created in {@link RichFunction#open}.
 *
 * @since 0.1
 */
@Public
@FunctionalInterface
public interface KeySelector<T, K> extends Function {
  K getKey(T value) throws Exception;
}
