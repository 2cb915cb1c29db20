package weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.StateTtlConfig;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.typeinfo.DataInputView;
import weir.api.typeinfo.DataOutputView;
import weir.api.typeinfo.LongSerializer;
import weir.api.typeinfo.SerializerConfig;
import weir.api.typeinfo.TypeSerializer;

class HeapKeyedStateBackend_snapshotTest {
  private static final int MAX_PARALLELISM = 128;
  private final long[] now = {1_000};

  @SuppressWarnings({"unchecked", "rawtypes"})
  private HeapKeyedStateBackend backend(KeyGroupRange range, Map<Integer, byte[]> restored) {
    return new HeapKeyedStateBackend("op", range, MAX_PARALLELISM, new SerializerConfig(), () -> now[0],
        new WatermarkClock(), (TypeSerializer) LongSerializer.INSTANCE, restored);
  }

  private static ValueStateDescriptor<Long> sum() {
    return new ValueStateDescriptor<>("sum", Long.class);
  }

  private static ListStateDescriptor<String> seen() {
    return new ListStateDescriptor<>("seen", String.class);
  }

  private static MapStateDescriptor<String, Integer> counts() {
    return new MapStateDescriptor<>("counts", String.class, Integer.class);
  }

  @Test
  void when_a_snapshot_is_restored_then_every_state_of_every_key_is_back() throws Exception {
    HeapKeyedStateBackend before = backend(new KeyGroupRange(0, MAX_PARALLELISM - 1), Map.of());
    for (long k = 0; k < 50; k++) {
      before.setCurrentKey(k);
      before.getState(sum()).update(k * 10);
      before.getListState(seen()).add("a" + k);
      before.getListState(seen()).add("b" + k);
      before.getMapState(counts()).put("x" + k, (int) k);
    }
    HeapKeyedStateBackend after = backend(new KeyGroupRange(0, MAX_PARALLELISM - 1), before.snapshot());
    ValueState<Long> sum = after.getState(sum());
    ListState<String> seen = after.getListState(seen());
    MapState<String, Integer> counts = after.getMapState(counts());
    for (long k = 0; k < 50; k++) {
      after.setCurrentKey(k);
      assertThat(sum.value()).isEqualTo(k * 10);
      assertThat(seen.get()).containsExactly("a" + k, "b" + k);
      assertThat(counts.get("x" + k)).isEqualTo((int) k);
    }
  }

  @Test
  void when_restored_with_two_subtasks_then_each_gets_exactly_the_keys_of_its_key_groups() throws Exception {
    HeapKeyedStateBackend before = backend(new KeyGroupRange(0, MAX_PARALLELISM - 1), Map.of());
    for (long k = 0; k < 200; k++) {
      before.setCurrentKey(k);
      before.getState(sum()).update(k);
    }
    Map<Integer, byte[]> snapshot = before.snapshot();
    long restoredKeys = 0;
    for (int subtask = 0; subtask < 2; subtask++) {
      KeyGroupRange range = KeyGroups.rangeOf(subtask, MAX_PARALLELISM, 2);
      HeapKeyedStateBackend half = backend(range, snapshot);
      ValueState<Long> sum = half.getState(sum());
      for (long k = 0; k < 200; k++) {
        if (range.contains(KeyGroups.keyGroupOf(k, MAX_PARALLELISM))) {
          half.setCurrentKey(k);
          assertThat(sum.value()).isEqualTo(k);
        }
      }
      restoredKeys += half.table("sum").size();
    }
    assertThat(restoredKeys).isEqualTo(200);
  }

  @Test
  void when_a_state_is_not_registered_after_a_restore_then_the_next_snapshot_still_holds_it() throws Exception {
    HeapKeyedStateBackend before = backend(new KeyGroupRange(0, MAX_PARALLELISM - 1), Map.of());
    before.setCurrentKey(7L);
    before.getState(sum()).update(70L);
    HeapKeyedStateBackend unused = backend(new KeyGroupRange(0, MAX_PARALLELISM - 1), before.snapshot());
    HeapKeyedStateBackend later = backend(new KeyGroupRange(0, MAX_PARALLELISM - 1), unused.snapshot());
    later.setCurrentKey(7L);
    assertThat(later.getState(sum()).value()).isEqualTo(70L);
  }

  @Test
  void when_ttl_state_is_snapshotted_with_full_snapshot_cleanup_then_expired_values_are_left_out() throws Exception {
    StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMillis(100)).cleanupFullSnapshot().build();
    ListStateDescriptor<String> list = seen();
    list.enableTimeToLive(ttl);
    ValueStateDescriptor<Long> value = sum();
    value.enableTimeToLive(ttl);
    HeapKeyedStateBackend before = backend(new KeyGroupRange(0, MAX_PARALLELISM - 1), Map.of());
    before.setCurrentKey(1L);
    before.getListState(list).add("old");
    before.getState(value).update(1L);
    now[0] += 80;
    before.setCurrentKey(2L);
    before.getListState(list).add("young");
    before.getState(value).update(2L);
    now[0] += 40; // key 1's values are 120 ms old, key 2's 40 ms
    Map<Integer, byte[]> snapshot = before.snapshot();

    HeapKeyedStateBackend after = backend(new KeyGroupRange(0, MAX_PARALLELISM - 1), snapshot);
    ListState<String> restoredList = after.getListState(list);
    ValueState<Long> restoredValue = after.getState(value);
    assertThat(after.table("seen").size()).isEqualTo(1);
    assertThat(after.table("sum").size()).isEqualTo(1);
    after.setCurrentKey(2L);
    assertThat(restoredList.get()).containsExactly("young");
    assertThat(restoredValue.value()).isEqualTo(2L);
  }

  /** A per-key structure changed in place, as the runtime keeps some: a list of longs. */
  static final class Longs implements StateValueCodec<List<Long>> {
    @Override
    public void write(List<Long> value, DataOutputView out) throws IOException {
      out.writeInt(value.size());
      for (long v : value) {
        out.writeLong(v);
      }
    }

    @Override
    public List<Long> read(DataInputView in) throws IOException {
      int n = in.readInt();
      List<Long> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(in.readLong());
      }
      return list;
    }
  }

  @Test
  void when_an_in_place_state_is_restored_by_two_subtasks_then_each_reads_its_keys_objects_through_the_codec()
      throws Exception {
    HeapKeyedStateBackend before = backend(new KeyGroupRange(0, MAX_PARALLELISM - 1), Map.of());
    ValueState<List<Long>> lists = before.getInPlaceState("lists", Longs::new);
    for (long k = 0; k < 100; k++) {
      before.setCurrentKey(k);
      List<Long> list = new ArrayList<>();
      lists.update(list);
      list.add(k);
      list.add(-k); // changed in place after the update: the state holds the object itself
      assertThat(lists.value()).isSameAs(list);
    }
    Map<Integer, byte[]> snapshot = before.snapshot();
    long restoredKeys = 0;
    for (int subtask = 0; subtask < 2; subtask++) {
      KeyGroupRange range = KeyGroups.rangeOf(subtask, MAX_PARALLELISM, 2);
      HeapKeyedStateBackend half = backend(range, snapshot);
      ValueState<List<Long>> restored = half.getInPlaceState("lists", Longs::new);
      for (long k = 0; k < 100; k++) {
        if (range.contains(KeyGroups.keyGroupOf(k, MAX_PARALLELISM))) {
          half.setCurrentKey(k);
          assertThat(restored.value()).containsExactly(k, -k);
        }
      }
      restoredKeys += half.table("lists").size();
    }
    assertThat(restoredKeys).isEqualTo(100);
  }
}
