package weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.typeinfo.LongSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.tuple.Tuple2;
import weir.api.typeinfo.TypeHint;
import weir.api.typeinfo.TypeInfo;
import weir.api.typeinfo.TypeSerializer;

/**
 * How the shape of a value type decides how keyed state keeps it: immutable records holding text
 * as the objects themselves, values holding collections as objects, the rest as bytes.
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

  record Box<T>(T value) {}

  record Cycle(long id, Cycle next) {}

  @Test
  void when_a_generic_record_is_checked_then_its_type_arguments_decide() {
    Type numbers = new TypeHint<Tuple2<Long, Long>>() {}.type();
    Type withText = new TypeHint<Tuple2<Long, String>>() {}.type();
    Type withList = new TypeHint<Tuple2<Long, List<String>>>() {}.type();
    Type nested = new TypeHint<Box<Tuple2<Integer, Double>>>() {}.type();

    assertThat(TypeShapes.isFlat(Tuple2.class)).as("a raw generic record: components unknown").isFalse();
    assertThat(TypeShapes.isFlat(numbers)).isTrue();
    assertThat(TypeShapes.isImmutable(numbers)).isTrue();
    assertThat(TypeShapes.isFlat(withList)).isFalse();
    assertThat(TypeShapes.isImmutable(nested)).as("arguments resolved through two levels").isTrue();

    assertThat(TypeShapes.keepsObjects(numbers)).as("numbers alone: bytes").isFalse();
    assertThat(TypeShapes.keepsObjects(nested)).isFalse();
    assertThat(TypeShapes.keepsObjects(withText)).as("an immutable record holding text: objects").isTrue();
    assertThat(TypeShapes.keepsObjects(withList)).isTrue();
    assertThat(TypeShapes.keepsObjects(Tuple2.class)).isTrue();
    assertThat(TypeShapes.isFlat(Cycle.class)).as("a type that contains itself has no fixed shape").isFalse();
    assertThat(TypeShapes.keepsObjects(Cycle.class)).isTrue();
  }

  @Test
  void when_a_record_of_numbers_is_stored_then_it_is_kept_as_bytes_and_reads_return_equal_copies() throws Exception {
    HeapKeyedStateBackend backend = backend();
    TypeInfo<Tuple2<Long, Long>> type = TypeInfo.of(new TypeHint<Tuple2<Long, Long>>() {});
    ValueState<Tuple2<Long, Long>> state = backend.getState(new ValueStateDescriptor<>("sum", type));
    backend.setCurrentKey(1L);
    state.update(Tuple2.of(1L, 41L));

    KeyedStateSnapshot snapshot = backend.beginSnapshot();
    state.update(Tuple2.of(1L, 42L));
    assertThat(backend.table("sum").isBinary()).isTrue();
    assertThat(state.value()).isEqualTo(Tuple2.of(1L, 42L));
    assertThat(restored(snapshot, new ValueStateDescriptor<>("sum", type))).isEqualTo(Tuple2.of(1L, 41L));
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
