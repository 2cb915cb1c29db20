package weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.typeinfo.SerializerConfig;

/** Value state kept serialized: values that grow, shrink, move and disappear stay right. */
class ValueArenaTest {
  private static final int MAX_PARALLELISM = 8;

  @Test
  void when_valuesOfVaryingSizeAreUpdatedAndCleared_then_stateEqualsAPlainMap() {
    HeapKeyedStateBackend backend = new HeapKeyedStateBackend("op", new KeyGroupRange(0, MAX_PARALLELISM - 1),
        MAX_PARALLELISM, new SerializerConfig(), () -> 0, new WatermarkClock());
    ValueState<String> state = backend.getState(new ValueStateDescriptor<>("text", String.class));
    Map<Integer, String> reference = new HashMap<>();
    Random random = new Random(42);
    for (int step = 0; step < 200_000; step++) {
      int key = random.nextInt(2_000);
      backend.setCurrentKey(key);
      int action = random.nextInt(10);
      if (action == 0) {
        state.clear();
        reference.remove(key);
      } else if (action < 4) {
        assertThat(state.value()).isEqualTo(reference.get(key));
      } else {
        String value = "v".repeat(random.nextInt(action == 9 ? 300 : 20)) + step;
        state.update(value);
        reference.put(key, value);
      }
    }
    for (int key = 0; key < 2_000; key++) {
      backend.setCurrentKey(key);
      assertThat(state.value()).as("key %d", key).isEqualTo(reference.get(key));
    }
  }

  @Test
  void when_the_arena_grows_or_compacts_then_values_keep_the_order_they_were_placed_in() {
    StateMap<Integer, VoidNamespace, Object> map = new StateMap<>();
    ValueArena arena = map.arena();
    byte[] value = new byte[16];
    List<StateMap.Entry<Integer, VoidNamespace, Object>> order = new ArrayList<>();
    for (int key = 0; key < 5_000; key++) {
      StateMap.Entry<Integer, VoidNamespace, Object> e = map.put(key, VoidNamespace.INSTANCE, null);
      arena.store(e, value, value.length, map);
      order.add(e);
    }
    assertThat(order).as("grown as it is: insertion order, not hash order").isSortedAccordingTo(
        Comparator.comparingInt(e -> e.offset));

    byte[] larger = new byte[24];
    for (int key = 4_999; key >= 0; key--) {
      arena.store(order.get(key), larger, larger.length, map); // moves to the end: its old slot is garbage
    }
    List<StateMap.Entry<Integer, VoidNamespace, Object>> before = new ArrayList<>(order);
    before.sort(Comparator.comparingInt(e -> e.offset));
    for (int key = 0; key < 20_000; key++) {
      StateMap.Entry<Integer, VoidNamespace, Object> e = map.put(5_000 + key, VoidNamespace.INSTANCE, null);
      arena.store(e, value, value.length, map);
      before.add(e);
    }
    assertThat(before).as("grown or compacted in the order the values lay").isSortedAccordingTo(
        Comparator.comparingInt(e -> e.offset));
  }

  /** A flat, mutable value: kept serialized, so every read is a copy. */
  public static final class Counts {
    public int first;
    public int second;

    public Counts() {}

    Counts(int first, int second) {
      this.first = first;
      this.second = second;
    }
  }

  @Test
  void when_valueIsRead_then_changingTheCopyDoesNotChangeState() {
    HeapKeyedStateBackend backend = new HeapKeyedStateBackend("op", new KeyGroupRange(0, MAX_PARALLELISM - 1),
        MAX_PARALLELISM, new SerializerConfig(), () -> 0, new WatermarkClock());
    ValueState<Counts> state = backend.getState(new ValueStateDescriptor<>("counts", Counts.class));
    backend.setCurrentKey("k");
    state.update(new Counts(1, 2));
    state.value().first = 99;
    assertThat(state.value().first).isEqualTo(1);
    assertThat(backend.table("counts").isBinary()).isTrue();
  }
}
