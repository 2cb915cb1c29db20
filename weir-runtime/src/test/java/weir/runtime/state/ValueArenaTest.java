package weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
