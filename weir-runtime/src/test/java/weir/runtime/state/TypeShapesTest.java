package weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.typeinfo.LongSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeSerializer;

/**
 * How the shape of a value type decides how keyed state keeps it: immutable records as the
 * objects themselves, values holding collections as objects, the rest as bytes.
 */
class TypeShapesTest {
  private static final int MAX_PARALLELISM = 8;

  record Item(long id, String name, Price price) {}

  record Price(long cents, String currency) {}

  record Tagged(long id, List<String> tags) {}

  /** Flat and mutable. */
  public static final class Counter {
    public long count;
    public String label;
  }

  /** Mutable and holding a collection. */
  public static final class Distinct {
    public Set<Long> seen = new HashSet<>();
  }

  @Test
  void when_a_type_is_checked_then_its_shape_is_told_apart() {
    assertThat(TypeShapes.isImmutable(Item.class)).isTrue();
    assertThat(TypeShapes.isImmutable(Tagged.class)).as("a list component can change").isFalse();
    assertThat(TypeShapes.isImmutable(Counter.class)).isFalse();
    assertThat(TypeShapes.isFlat(Counter.class)).isTrue();
    assertThat(TypeShapes.isFlat(Item.class)).isTrue();
    assertThat(TypeShapes.isFlat(Distinct.class)).isFalse();
    assertThat(TypeShapes.isFlat(int[].class)).isFalse();

    assertThat(TypeShapes.keepsObjects(Item.class)).isTrue();
    assertThat(TypeShapes.keepsObjects(Distinct.class)).isTrue();
    assertThat(TypeShapes.keepsObjects(Tagged.class)).isTrue();
    assertThat(TypeShapes.keepsObjects(Counter.class)).isFalse();
    assertThat(TypeShapes.keepsObjects(Long.class)).isFalse();
    assertThat(TypeShapes.keepsObjects(String.class)).isFalse();
  }

  @Test
  void when_an_immutable_record_is_stored_then_reads_return_it_and_snapshots_never_copy_it() throws Exception {
    HeapKeyedStateBackend backend = backend();
    ValueState<Item> state = backend.getState(new ValueStateDescriptor<>("item", Item.class));
    Item item = new Item(7, "lamp", new Price(1299, "EUR"));
    backend.setCurrentKey(1L);
    state.update(item);

    KeyedStateSnapshot snapshot = backend.beginSnapshot();
    assertThat(state.value()).as("no copy on read, even with a snapshot in progress").isSameAs(item);
    state.update(new Item(8, "desk", new Price(9900, "EUR")));
    assertThat(backend.table("item").isBinary()).isFalse();
    assertThat(restored(snapshot, new ValueStateDescriptor<>("item", Item.class))).isEqualTo(item);
  }

  @Test
  void when_a_value_holds_a_collection_then_it_is_kept_as_an_object_and_a_snapshot_keeps_its_own_copy()
      throws Exception {
    HeapKeyedStateBackend backend = backend();
    ValueState<Distinct> state = backend.getState(new ValueStateDescriptor<>("distinct", Distinct.class));
    backend.setCurrentKey(1L);
    Distinct d = new Distinct();
    d.seen.add(1L);
    state.update(d);

    KeyedStateSnapshot snapshot = backend.beginSnapshot();
    Distinct read = state.value();
    read.seen.add(2L);
    state.update(read);
    assertThat(backend.table("distinct").isBinary()).isFalse();
    assertThat(restored(snapshot, new ValueStateDescriptor<>("distinct", Distinct.class)).seen).containsExactly(1L);
    assertThat(state.value().seen).containsExactlyInAnyOrder(1L, 2L);
  }

  private static HeapKeyedStateBackend backend() {
    return backend(Map.of());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static HeapKeyedStateBackend backend(Map<Integer, byte[]> restored) {
    return new HeapKeyedStateBackend("op", new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM,
        new SerializerConfig(), () -> 0L, new WatermarkClock(), (TypeSerializer) LongSerializer.INSTANCE, restored);
  }

  /** Writes {@code snapshot}, restores it into a new backend, and reads key 1 of the state of {@code d}. */
  private static <T> T restored(KeyedStateSnapshot snapshot, ValueStateDescriptor<T> d) throws Exception {
    HeapKeyedStateBackend restored = backend(snapshot.write());
    ValueState<T> state = restored.getState(d);
    restored.setCurrentKey(1L);
    return state.value();
  }
}
