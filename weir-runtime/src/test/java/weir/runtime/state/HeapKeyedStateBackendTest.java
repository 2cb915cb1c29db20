package weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import weir.api.typeinfo.SerializerConfig;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weir.api.functions.AggregateFunction;
import weir.api.state.AggregatingState;
import weir.api.state.AggregatingStateDescriptor;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;

class HeapKeyedStateBackendTest {
  private static final int MAX_PARALLELISM = 128;

  private final HeapKeyedStateBackend backend =
      new HeapKeyedStateBackend("op", new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM,
          new SerializerConfig(), () -> 0, new WatermarkClock());

  // ---- ValueState ----

  @Test
  void when_valueUpdated_then_scopedToCurrentKey() {
    ValueState<Long> state = backend.getState(new ValueStateDescriptor<>("v", Long.class));

    backend.setCurrentKey("a");
    state.update(1L);
    backend.setCurrentKey("b");
    assertThat(state.value()).isNull();
    state.update(2L);

    backend.setCurrentKey("a");
    assertThat(state.value()).isEqualTo(1L);
    backend.setCurrentKey("b");
    assertThat(state.value()).isEqualTo(2L);
    assertThat(backend.table("v").size()).isEqualTo(2);
  }

  @Test
  void when_valueCleared_then_onlyCurrentKeyLosesIt() {
    ValueState<Long> state = backend.getState(new ValueStateDescriptor<>("v", Long.class));
    backend.setCurrentKey("a");
    state.update(1L);
    backend.setCurrentKey("b");
    state.update(2L);

    state.clear();

    assertThat(state.value()).isNull();
    backend.setCurrentKey("a");
    assertThat(state.value()).isEqualTo(1L);
    assertThat(backend.table("v").size()).isEqualTo(1);
  }

  @Test
  void when_valueUpdatedWithNull_then_cleared() {
    ValueState<Long> state = backend.getState(new ValueStateDescriptor<>("v", Long.class));
    backend.setCurrentKey("a");
    state.update(1L);

    state.update(null);

    assertThat(state.value()).isNull();
    assertThat(backend.table("v").size()).isZero();
  }

  @Test
  void when_valueUpdatedAfterClear_then_newValueVisible() {
    ValueState<Long> state = backend.getState(new ValueStateDescriptor<>("v", Long.class));
    backend.setCurrentKey("a");
    state.update(1L);
    state.clear();

    state.update(3L);

    backend.setCurrentKey("b");
    backend.setCurrentKey("a");
    assertThat(state.value()).isEqualTo(3L);
  }

  @Test
  void when_equalButNotIdenticalKeys_then_sameState() {
    ValueState<Long> state = backend.getState(new ValueStateDescriptor<>("v", Long.class));
    backend.setCurrentKey(new String("k"));
    state.update(7L);

    backend.setCurrentKey(new String("k"));

    assertThat(state.value()).isEqualTo(7L);
  }

  // ---- ListState ----

  @Test
  void when_listAdded_then_scopedToCurrentKeyInOrder() {
    ListState<String> state = backend.getListState(new ListStateDescriptor<>("l", String.class));

    backend.setCurrentKey(1);
    state.add("x");
    state.add("y");
    backend.setCurrentKey(2);
    assertThat(state.get()).isEmpty();
    state.addAll(List.of("z"));

    backend.setCurrentKey(1);
    assertThat(state.get()).containsExactly("x", "y");
    backend.setCurrentKey(2);
    assertThat(state.get()).containsExactly("z");
  }

  @Test
  void when_listUpdated_then_replaced_and_emptyUpdateClears() {
    ListState<String> state = backend.getListState(new ListStateDescriptor<>("l", String.class));
    backend.setCurrentKey(1);
    state.add("x");

    state.update(List.of("a", "b"));
    assertThat(state.get()).containsExactly("a", "b");

    state.update(List.of());
    assertThat(state.get()).isEmpty();
    assertThat(backend.table("l").size()).isZero();
  }

  @Test
  void when_listGetsNullElement_then_rejectedAndListUnchanged() {
    ListState<String> state = backend.getListState(new ListStateDescriptor<>("l", String.class));
    backend.setCurrentKey(1);
    state.add("x");
    List<String> withNull = new java.util.ArrayList<>();
    withNull.add("y");
    withNull.add(null);

    assertThatThrownBy(() -> state.add(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("ListState does not take null elements");
    assertThatThrownBy(() -> state.addAll(withNull)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("ListState does not take null elements");
    assertThatThrownBy(() -> state.update(withNull)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("ListState does not take null elements");
    assertThat(state.get()).containsExactly("x");
  }

  @Test
  void when_listReadView_then_cannotBeModified() {
    ListState<String> state = backend.getListState(new ListStateDescriptor<>("l", String.class));
    backend.setCurrentKey(1);
    state.add("x");

    assertThatThrownBy(() -> ((List<String>) state.get()).add("y")).isInstanceOf(UnsupportedOperationException.class);
  }

  // ---- MapState ----

  @Test
  void when_mapPut_then_scopedToCurrentKey() {
    MapState<String, Integer> state = backend.getMapState(new MapStateDescriptor<>("m", String.class, Integer.class));

    backend.setCurrentKey("a");
    state.put("x", 1);
    state.putAll(Map.of("y", 2));
    backend.setCurrentKey("b");
    assertThat(state.isEmpty()).isTrue();
    assertThat(state.get("x")).isNull();
    state.put("x", 10);

    backend.setCurrentKey("a");
    assertThat(state.get("x")).isEqualTo(1);
    assertThat(state.contains("y")).isTrue();
    assertThat(state.keys()).containsExactlyInAnyOrder("x", "y");
    assertThat(state.values()).containsExactlyInAnyOrder(1, 2);
    assertThat(state.entries()).containsExactlyInAnyOrder(Map.entry("x", 1), Map.entry("y", 2));
    backend.setCurrentKey("b");
    assertThat(state.get("x")).isEqualTo(10);
  }

  @Test
  void when_lastMapEntryRemoved_then_keyHasNoState() {
    MapState<String, Integer> state = backend.getMapState(new MapStateDescriptor<>("m", String.class, Integer.class));
    backend.setCurrentKey("a");
    state.put("x", 1);
    state.put("y", 2);

    state.remove("x");
    assertThat(state.contains("x")).isFalse();
    assertThat(backend.table("m").size()).isEqualTo(1);

    state.remove("y");
    assertThat(state.isEmpty()).isTrue();
    assertThat(backend.table("m").size()).isZero();
  }

  @Test
  void when_mapCleared_then_empty() {
    MapState<String, Integer> state = backend.getMapState(new MapStateDescriptor<>("m", String.class, Integer.class));
    backend.setCurrentKey("a");
    state.put("x", 1);

    state.clear();

    assertThat(state.isEmpty()).isTrue();
    assertThat(state.entries()).isEmpty();
  }

  // ---- ReducingState ----

  @Test
  void when_reducingAdded_then_reducedPerKey() {
    ReducingState<Integer> state =
        backend.getReducingState(new ReducingStateDescriptor<>("r", Integer::sum, Integer.class));

    backend.setCurrentKey("a");
    assertThat(state.get()).isNull();
    state.add(1);
    state.add(2);
    backend.setCurrentKey("b");
    state.add(10);

    backend.setCurrentKey("a");
    assertThat(state.get()).isEqualTo(3);
    state.clear();
    assertThat(state.get()).isNull();
    backend.setCurrentKey("b");
    assertThat(state.get()).isEqualTo(10);
  }

  @Test
  void when_reduceFunctionThrows_then_wrappedWithCause() {
    ReducingState<Integer> state = backend.getReducingState(new ReducingStateDescriptor<>("r", (a, b) -> {
      throw new IllegalStateException("boom");
    }, Integer.class));
    backend.setCurrentKey("a");
    state.add(1);

    assertThatThrownBy(() -> state.add(2)).isInstanceOf(StateFunctionException.class)
        .hasMessageContaining("reduce function").hasRootCauseMessage("boom");
    assertThat(state.get()).isEqualTo(1);
  }

  // ---- AggregatingState ----

  /** Average of longs; the accumulator is {count, sum}. */
  private static final class Average implements AggregateFunction<Long, long[], Double> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Long value, long[] acc) {
      acc[0]++;
      acc[1] += value;
      return acc;
    }

    @Override
    public Double getResult(long[] acc) {
      return (double) acc[1] / acc[0];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {a[0] + b[0], a[1] + b[1]};
    }
  }

  @Test
  void when_aggregatingAdded_then_resultPerKey() {
    AggregatingState<Long, Double> state =
        backend.getAggregatingState(new AggregatingStateDescriptor<>("avg", new Average(), long[].class));

    backend.setCurrentKey("a");
    assertThat(state.get()).isNull();
    state.add(1L);
    state.add(2L);
    backend.setCurrentKey("b");
    state.add(10L);

    backend.setCurrentKey("a");
    assertThat(state.get()).isEqualTo(1.5);
    backend.setCurrentKey("b");
    assertThat(state.get()).isEqualTo(10.0);
    state.clear();
    assertThat(state.get()).isNull();
    assertThat(backend.table("avg").size()).isEqualTo(1);
  }

  // ---- registration ----

  @Test
  void when_sameNameRegisteredTwice_then_sameState() {
    ValueState<Long> first = backend.getState(new ValueStateDescriptor<>("v", Long.class));
    ValueState<Long> second = backend.getState(new ValueStateDescriptor<>("v", Long.class));

    assertThat(second).isSameAs(first);
  }

  @Test
  void when_sameNameRegisteredAsOtherKind_then_failsNamingStateAndOperator() {
    backend.getState(new ValueStateDescriptor<>("s", Long.class));

    assertThatThrownBy(() -> backend.getListState(new ListStateDescriptor<>("s", Long.class)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Operator 'op'")
        .hasMessageContaining("state 's' as ListState")
        .hasMessageContaining("already registered as another kind");
  }

  @Test
  void when_eachKindRegistered_then_eachHasItsTable() {
    backend.getState(new ValueStateDescriptor<>("v", Long.class));
    backend.getListState(new ListStateDescriptor<>("l", Long.class));
    backend.getMapState(new MapStateDescriptor<>("m", Long.class, Long.class));
    backend.getReducingState(new ReducingStateDescriptor<>("r", Long::sum, Long.class));
    backend.getAggregatingState(new AggregatingStateDescriptor<>("a", new Average(), long[].class));

    for (String name : List.of("v", "l", "m", "r", "a")) {
      assertThat(backend.table(name)).as(name).isNotNull();
      assertThat(backend.table(name).descriptor().getName()).isEqualTo(name);
    }
    assertThat(backend.table("unknown")).isNull();
  }

  // ---- keys ----

  @Test
  void when_keyOutsideKeyGroupRange_then_failsNamingKeyAndRange() {
    HeapKeyedStateBackend half = new HeapKeyedStateBackend("op", KeyGroups.rangeOf(0, 128, 2), 128,
        new SerializerConfig(), () -> 0, new WatermarkClock());
    int foreign = 0;
    while (KeyGroups.keyGroupOf(foreign, 128) < 64) {
      foreign++;
    }
    int key = foreign;

    assertThatThrownBy(() -> half.setCurrentKey(key))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Key '" + key + "' of key group " + KeyGroups.keyGroupOf(key, 128))
        .hasMessageContaining("operator 'op', which owns key groups 0..63");
  }

  @Test
  void when_keyNull_then_failsNamingOperator() {
    assertThatThrownBy(() -> backend.setCurrentKey(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("operator 'op'");
  }

  @Test
  void when_stateUsedBeforeAnyKey_then_failsClearly() {
    ValueState<Long> state = backend.getState(new ValueStateDescriptor<>("v", Long.class));

    assertThatThrownBy(state::value)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("used while no key is current");
  }

  @Test
  void when_manyKeysAcrossKeyGroups_then_eachKeepsItsValue() {
    ValueState<Integer> state = backend.getState(new ValueStateDescriptor<>("v", Integer.class));
    for (int k = 0; k < 10_000; k++) {
      backend.setCurrentKey(k);
      state.update(k * 2);
    }

    for (int k = 0; k < 10_000; k++) {
      backend.setCurrentKey(k);
      assertThat(state.value()).isEqualTo(k * 2);
    }
    assertThat(backend.table("v").size()).isEqualTo(10_000);
  }
}
