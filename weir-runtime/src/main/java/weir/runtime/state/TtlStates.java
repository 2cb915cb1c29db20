package weir.runtime.state;

import java.util.ArrayList;
import java.util.HashMap;
import javax.annotation.Nullable;
import weir.api.state.AggregatingState;
import weir.api.state.AggregatingStateDescriptor;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.state.StateDescriptor;
import weir.api.state.StateTtlConfig;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.typeinfo.TypeSerializer;

/**
 * Builds the states with time-to-live for {@link HeapKeyedStateBackend}: a table that knows the
 * TTL layout, the wrapped heap state storing values with their times (binary when the value type
 * has a serializer, as without TTL), the incremental cleanup if the config has one, and the TTL
 * state around them.
 */
final class TtlStates {
  private TtlStates() {}

  static <T> ValueState<T> value(HeapKeyedStateBackend backend, ValueStateDescriptor<T> d) {
    TtlPolicy policy = policy(backend, d);
    StateTable<Object, TtlValue<T>> table = backend.newTable(d, TtlLayout.value(policy));
    TypeSerializer<TtlValue<T>> serializer = binarySerializer(backend, d);
    HeapValueState<Object, TtlValue<T>> stored = new HeapValueState<>(backend, table, serializer);
    return new TtlValueState<>(stored, policy, cleanup(backend, d, table, stored, serializer != null),
        serializer != null);
  }

  static <T> ReducingState<T> reducing(HeapKeyedStateBackend backend, ReducingStateDescriptor<T> d) {
    TtlPolicy policy = policy(backend, d);
    StateTable<Object, TtlValue<T>> table = backend.newTable(d, TtlLayout.value(policy));
    TypeSerializer<TtlValue<T>> serializer = binarySerializer(backend, d);
    HeapValueState<Object, TtlValue<T>> stored = new HeapValueState<>(backend, table, serializer);
    return new TtlReducingState<>(stored, policy, cleanup(backend, d, table, stored, serializer != null),
        serializer != null, d.getReduceFunction());
  }

  static <I, A, O> AggregatingState<I, O> aggregating(HeapKeyedStateBackend backend,
      AggregatingStateDescriptor<I, A, O> d) {
    TtlPolicy policy = policy(backend, d);
    StateTable<Object, TtlValue<A>> table = backend.newTable(d, TtlLayout.value(policy));
    TypeSerializer<TtlValue<A>> serializer = binarySerializer(backend, d);
    HeapValueState<Object, TtlValue<A>> stored = new HeapValueState<>(backend, table, serializer);
    return new TtlAggregatingState<>(stored, policy, cleanup(backend, d, table, stored, serializer != null),
        serializer != null, d.getAggregateFunction());
  }

  static <T> ListState<T> list(HeapKeyedStateBackend backend, ListStateDescriptor<T> d) {
    TtlPolicy policy = policy(backend, d);
    StateTable<Object, ArrayList<TtlValue<T>>> table = backend.newTable(d, TtlLayout.list(policy));
    HeapValueState<Object, ArrayList<TtlValue<T>>> stored = new HeapValueState<>(backend, table, null);
    return new TtlListState<>(stored, policy, cleanup(backend, d, table, stored, false));
  }

  static <K, V> MapState<K, V> map(HeapKeyedStateBackend backend, MapStateDescriptor<K, V> d) {
    TtlPolicy policy = policy(backend, d);
    StateTable<Object, HashMap<K, TtlValue<V>>> table = backend.newTable(d, TtlLayout.map(policy));
    HeapValueState<Object, HashMap<K, TtlValue<V>>> stored = new HeapValueState<>(backend, table, null);
    return new TtlMapState<>(stored, policy, cleanup(backend, d, table, stored, false));
  }

  private static TtlPolicy policy(HeapKeyedStateBackend backend, StateDescriptor<?> d) {
    return new TtlPolicy(d.getTtlConfig(), backend.processingTime(), backend.eventTime());
  }

  /** Values with their times as bytes when the value type has a serializer, else {@code null}. */
  @Nullable
  private static <T> TypeSerializer<TtlValue<T>> binarySerializer(HeapKeyedStateBackend backend,
      StateDescriptor<T> d) {
    TypeSerializer<T> values = backend.binarySerializer(d);
    return values == null ? null : new TtlValueSerializer<>(values);
  }

  /**
   * The incremental cleanup the config asks for, or {@code null}; one that runs for every record
   * is registered with the backend too.
   */
  @Nullable
  private static <V> TtlIncrementalCleanup<V> cleanup(HeapKeyedStateBackend backend, StateDescriptor<?> d,
      StateTable<?, V> table, HeapState<?, V> stored, boolean binary) {
    StateTtlConfig.IncrementalCleanup settings = d.getTtlConfig().getIncrementalCleanup();
    if (settings == null) {
      return null;
    }
    TtlIncrementalCleanup<V> cleanup =
        new TtlIncrementalCleanup<>(backend, table, stored, settings.cleanupSize(), binary);
    if (settings.runCleanupForEveryRecord()) {
      backend.runForEveryRecord(cleanup);
    }
    return cleanup;
  }
}
