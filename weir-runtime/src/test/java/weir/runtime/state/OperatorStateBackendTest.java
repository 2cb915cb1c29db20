package weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import weir.api.state.BroadcastState;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ReadOnlyBroadcastState;
import weir.api.state.StateTtlConfig;
import weir.api.typeinfo.SerializerConfig;
import weir.runtime.checkpoint.OperatorSnapshot;
import weir.runtime.checkpoint.StateAssignment;
import weir.runtime.checkpoint.TaskSnapshot;

/**
 * Operator state through the whole path of a checkpoint: backends snapshot, the snapshots go
 * through the checkpoint file format, {@link StateAssignment} deals them out to the subtasks of
 * the new parallelism, and new backends restore their part.
 */
class OperatorStateBackendTest {
  private static final ListStateDescriptor<String> BUFFER = new ListStateDescriptor<>("buffer", String.class);
  private static final ListStateDescriptor<String> OFFSETS = new ListStateDescriptor<>("offsets", String.class);
  private static final MapStateDescriptor<String, Integer> RULES =
      new MapStateDescriptor<>("rules", String.class, Integer.class);

  private static OperatorStateBackend fresh(int subtask) {
    return new OperatorStateBackend("op", new SerializerConfig(), subtask, OptionalLong.empty(), Map.of());
  }

  /** The backends of a new parallelism, restored from the snapshots of {@code before} (by old subtask). */
  private static List<OperatorStateBackend> restore(List<OperatorStateBackend> before, int parallelism)
      throws Exception {
    TreeMap<Integer, OperatorSnapshot> snapshots = new TreeMap<>();
    for (int i = 0; i < before.size(); i++) {
      OperatorStateBackend.Snapshot s = before.get(i).snapshot();
      OperatorSnapshot op = new OperatorSnapshot("op", Map.of(), s.lists(), s.unionLists());
      // through the file format, as a checkpoint stores it
      snapshots.put(i, TaskSnapshot.fromBytes(new TaskSnapshot(false, List.of(op)).toBytes()).operators().get(0));
    }
    List<OperatorStateBackend> after = new ArrayList<>();
    for (int i = 0; i < parallelism; i++) {
      Map<String, List<byte[]>> lists = StateAssignment.assign(snapshots, before.size(), i, parallelism,
          KeyGroups.rangeOf(i, 128, parallelism)).lists();
      after.add(new OperatorStateBackend("op", new SerializerConfig(), i, OptionalLong.of(7), lists));
    }
    return after;
  }

  private static List<String> list(ListState<String> state) {
    List<String> elements = new ArrayList<>();
    state.get().forEach(elements::add);
    return elements;
  }

  private static Map<String, Integer> copy(ReadOnlyBroadcastState<String, Integer> state) throws Exception {
    Map<String, Integer> map = new HashMap<>();
    state.immutableEntries().forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  /** Two subtasks: subtask i buffers 5 elements "b{i}-{n}", offset "o{i}" and the same two rules. */
  private static List<OperatorStateBackend> twoFilledSubtasks() throws Exception {
    List<OperatorStateBackend> backends = List.of(fresh(0), fresh(1));
    for (int i = 0; i < 2; i++) {
      for (int n = 0; n < 5; n++) {
        backends.get(i).getListState(BUFFER).add("b" + i + "-" + n);
      }
      backends.get(i).getUnionListState(OFFSETS).add("o" + i);
      BroadcastState<String, Integer> rules = backends.get(i).getBroadcastState(RULES);
      rules.put("x", 1);
      rules.put("y", 2);
    }
    return backends;
  }

  @Test
  void when_restored_at_the_same_parallelism_then_each_subtask_gets_its_own_list_back() throws Exception {
    List<OperatorStateBackend> after = restore(twoFilledSubtasks(), 2);
    assertThat(list(after.get(0).getListState(BUFFER))).containsExactly("b0-0", "b0-1", "b0-2", "b0-3", "b0-4");
    assertThat(list(after.get(1).getListState(BUFFER))).containsExactly("b1-0", "b1-1", "b1-2", "b1-3", "b1-4");
    assertThat(after.get(1).restoredCheckpointId()).hasValue(7);
  }

  @Test
  void when_restored_at_another_parallelism_then_list_state_is_split_evenly_union_state_goes_to_all_and_broadcast_state_is_copied()
      throws Exception {
    List<OperatorStateBackend> after = restore(twoFilledSubtasks(), 3);
    List<String> all = new ArrayList<>();
    for (OperatorStateBackend backend : after) {
      List<String> mine = list(backend.getListState(BUFFER));
      assertThat(mine).hasSizeBetween(3, 4);
      all.addAll(mine);
      assertThat(list(backend.getUnionListState(OFFSETS))).containsExactly("o0", "o1");
      assertThat(copy(backend.getBroadcastState(RULES))).isEqualTo(Map.of("x", 1, "y", 2));
    }
    assertThat(all).containsExactlyInAnyOrder("b0-0", "b0-1", "b0-2", "b0-3", "b0-4",
        "b1-0", "b1-1", "b1-2", "b1-3", "b1-4");

    OperatorStateBackend one = restore(after, 1).get(0);
    assertThat(list(one.getListState(BUFFER))).hasSize(10);
    // each of the three subtasks wrote the union list it was given: the union of their lists
    assertThat(list(one.getUnionListState(OFFSETS))).containsExactly("o0", "o1", "o0", "o1", "o0", "o1");
    assertThat(copy(one.getBroadcastState(RULES))).isEqualTo(Map.of("x", 1, "y", 2));
  }

  @Test
  void when_a_broadcast_state_is_restored_then_subtask_i_gets_the_copy_of_old_subtask_i_mod_n() throws Exception {
    List<OperatorStateBackend> before = List.of(fresh(0), fresh(1));
    before.get(0).getBroadcastState(RULES).put("from", 0);
    before.get(1).getBroadcastState(RULES).put("from", 1);
    List<OperatorStateBackend> after = restore(before, 3);
    assertThat(after.get(0).getBroadcastState(RULES).get("from")).isEqualTo(0);
    assertThat(after.get(1).getBroadcastState(RULES).get("from")).isEqualTo(1);
    assertThat(after.get(2).getBroadcastState(RULES).get("from")).isEqualTo(0);
  }

  @Test
  void when_restored_states_are_not_registered_again_then_later_snapshots_keep_them_unchanged() throws Exception {
    List<OperatorStateBackend> untouched = restore(twoFilledSubtasks(), 3);
    List<OperatorStateBackend> again = restore(untouched, 2);
    List<String> buffered = new ArrayList<>();
    for (OperatorStateBackend backend : again) {
      buffered.addAll(list(backend.getListState(BUFFER)));
      // written once, by subtask 0, so not multiplied by the three subtasks that held it
      assertThat(list(backend.getUnionListState(OFFSETS))).containsExactly("o0", "o1");
      assertThat(copy(backend.getBroadcastState(RULES))).isEqualTo(Map.of("x", 1, "y", 2));
    }
    assertThat(buffered).hasSize(10);
  }

  @Test
  void when_a_list_is_registered_as_the_other_kind_than_in_the_checkpoint_then_the_message_says_which() throws Exception {
    OperatorStateBackend restored = restore(twoFilledSubtasks(), 2).get(0);
    assertThatThrownBy(() -> restored.getListState(OFFSETS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'offsets' as list state, but the checkpoint holds it as union list state")
        .hasMessageContaining("getUnionListState");
    OperatorStateBackend backend = fresh(0);
    backend.getListState(BUFFER);
    assertThatThrownBy(() -> backend.getUnionListState(BUFFER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already registered as list state");
  }

  @Test
  void when_registered_twice_then_the_same_handle_and_names_are_listed() {
    OperatorStateBackend backend = fresh(0);
    assertThat(backend.getListState(BUFFER)).isSameAs(backend.getListState(BUFFER));
    assertThat(backend.getBroadcastState(RULES)).isSameAs(backend.getBroadcastState(RULES));
    backend.getUnionListState(OFFSETS);
    assertThat(backend.getRegisteredStateNames()).containsExactlyInAnyOrder("buffer", "offsets");
    assertThat(backend.getRegisteredBroadcastStateNames()).containsExactly("rules");
  }

  @Test
  void when_operator_state_has_a_time_to_live_or_null_elements_then_it_is_refused() {
    ListStateDescriptor<String> withTtl = new ListStateDescriptor<>("ttl", String.class);
    withTtl.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMinutes(1)).build());
    OperatorStateBackend backend = fresh(0);
    assertThatThrownBy(() -> backend.getListState(withTtl))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("list state 'ttl' with a time-to-live");
    assertThatThrownBy(() -> backend.getListState(BUFFER).add(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'buffer'");
    assertThatThrownBy(() -> backend.getBroadcastState(RULES).put("k", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'rules'");
  }

  @Test
  void when_the_read_only_view_is_used_then_it_cannot_change_the_state() throws Exception {
    OperatorStateBackend backend = fresh(0);
    backend.getBroadcastState(RULES).put("x", 1);
    ReadOnlyBroadcastState<String, Integer> view = backend.getReadOnlyBroadcastState(RULES);
    assertThat(view).isNotInstanceOf(BroadcastState.class);
    assertThat(view.get("x")).isEqualTo(1);
    assertThat(view.contains("y")).isFalse();
    assertThatThrownBy(() -> view.immutableEntries().iterator().next().setValue(2))
        .isInstanceOf(UnsupportedOperationException.class);
    backend.getBroadcastState(RULES).put("y", 2);
    assertThat(view.contains("y")).isTrue();
  }
}
