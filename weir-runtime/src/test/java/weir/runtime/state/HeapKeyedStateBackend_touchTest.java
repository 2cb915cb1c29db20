package weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.typeinfo.SerializerConfig;

/** Reading ahead for a key ({@code touch}) reads what a lookup would, and changes nothing. */
class HeapKeyedStateBackend_touchTest {
  private static final int MAX_PARALLELISM = 128;

  @Test
  void touching_keys_with_and_without_values_leaves_the_state_as_it_was() {
    var backend = new HeapKeyedStateBackend("op", new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM,
        new SerializerConfig(), () -> 0, new WatermarkClock());
    ValueState<Long> state = backend.getState(new ValueStateDescriptor<>("v", Long.class));
    int keys = (int) HeapKeyedStateBackend.TOUCH_MIN_ENTRIES + 1_000; // enough for reading ahead to pay
    for (long k = 0; k < keys; k++) {
      backend.setCurrentKey(k);
      state.update(k * 10);
    }

    int figure = 0;
    Object[] group = new Object[16];
    for (long k = 0; k < 2L * keys; k += 16) {
      for (int i = 0; i < 16; i++) {
        group[i] = k + i; // half of them have no value
      }
      figure += backend.touch(group, 16);
    }
    assertThat(backend.touch(new Object[] {null, null}, 2)).isZero();

    for (long k = 0; k < 2L * keys; k++) {
      backend.setCurrentKey(k);
      assertThat(state.value()).isEqualTo(k < keys ? k * 10 : null);
    }
    assertThat(backend.keys("v")).hasSize(keys);
    assertThat(figure).isNotZero(); // it read the entries and their value bytes
  }

  @Test
  void small_state_is_not_read_ahead_for() {
    var backend = new HeapKeyedStateBackend("op", new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM,
        new SerializerConfig(), () -> 0, new WatermarkClock());
    ValueState<Long> state = backend.getState(new ValueStateDescriptor<>("v", Long.class));
    for (long k = 1; k <= 100; k++) {
      backend.setCurrentKey(k);
      state.update(k);
    }
    Object[] group = {1L, 2L, 3L};
    assertThat(backend.touch(group, 3)).isZero(); // it fits the cache: nothing is read twice
  }

  @Test
  void a_key_of_a_key_group_the_backend_does_not_own_is_passed_over() {
    var backend = new HeapKeyedStateBackend("op", new KeyGroupRange(0, 0), MAX_PARALLELISM,
        new SerializerConfig(), () -> 0, new WatermarkClock());
    ValueState<Long> state = backend.getState(new ValueStateDescriptor<>("v", Long.class));
    long owned = -1;
    long foreign = -1;
    int stored = 0;
    for (long k = 1; stored <= HeapKeyedStateBackend.TOUCH_MIN_ENTRIES; k++) {
      if (KeyGroups.keyGroupOf(k, MAX_PARALLELISM) == 0) {
        backend.setCurrentKey(k);
        state.update(k);
        owned = k;
        stored++;
      } else {
        foreign = k;
      }
    }
    assertThat(backend.touch(new Object[] {foreign}, 1)).isZero();
    assertThat(backend.touch(new Object[] {owned}, 1)).isNotZero();
  }
}
