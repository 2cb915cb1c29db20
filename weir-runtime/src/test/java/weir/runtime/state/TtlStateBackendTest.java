package weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.state.StateTtlConfig;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.typeinfo.SerializerConfig;

/** What the backend does for descriptors with TTL, beyond what the harness tests show. */
class TtlStateBackendTest {
  private long now;
  // one key group, so that incremental cleanup sees every key
  private final HeapKeyedStateBackend backend =
      new HeapKeyedStateBackend("op", new KeyGroupRange(0, 0), 1, new SerializerConfig(), () -> now,
          new WatermarkClock());

  private static ValueStateDescriptor<Long> value(String name, StateTtlConfig ttl) {
    ValueStateDescriptor<Long> d = new ValueStateDescriptor<>(name, Long.class);
    d.enableTimeToLive(ttl);
    return d;
  }

  private static StateTtlConfig ttl(long millis) {
    return StateTtlConfig.newBuilder(Duration.ofMillis(millis)).build();
  }

  @Test
  void when_descriptorHasNoTtl_then_theBackendHandsOutThePlainHeapState() {
    assertThat(backend.getState(new ValueStateDescriptor<>("plain", Long.class))).isInstanceOf(HeapValueState.class);
    assertThat(backend.getState(value("ttl", ttl(10)))).isInstanceOf(TtlState.class);
  }

  @Test
  void when_stateAskedForAgainWithTheSameTtl_then_theSameHandle() {
    ValueState<Long> first = backend.getState(value("v", ttl(10)));

    assertThat(backend.getState(value("v", ttl(10)))).isSameAs(first);
  }

  @Test
  void when_stateAskedForWithAnotherTtl_then_itFailsNamingTheState() {
    backend.getState(value("v", ttl(10)));

    assertThatThrownBy(() -> backend.getState(value("v", ttl(20))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("state 'v'").hasMessageContaining("PT0.02S").hasMessageContaining("PT0.01S");
    assertThatThrownBy(() -> backend.getState(new ValueStateDescriptor<>("v", Long.class)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("time-to-live off");
  }

  @Test
  void when_plainStateAskedForWithTtl_then_itFails() {
    backend.getState(new ValueStateDescriptor<>("v", Long.class));

    assertThatThrownBy(() -> backend.getState(value("v", ttl(10))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("registered with none");
  }

  @Test
  void when_cleanupRemovesTheEntryAStateRemembers_then_aLaterWriteOfThatKeyIsKept() {
    ValueState<Long> state = backend.getState(value("v", StateTtlConfig.newBuilder(Duration.ofMillis(10))
        .cleanupIncrementally(10, true).build()));
    Object key = "k"; // the same object each time, as interned strings and small boxed numbers are
    backend.setCurrentKey(key);
    state.update(1L);

    now = 50;
    backend.setCurrentKey("other"); // runs a cleanup step, which removes k's expired entry
    assertThat(backend.table("v").size()).isZero();
    backend.setCurrentKey(key);
    state.update(2L);

    assertThat(backend.table("v").size()).isEqualTo(1);
    assertThat(state.value()).isEqualTo(2L);
  }

  @Test
  @SuppressWarnings("unchecked")
  void when_listNamespacesMerge_then_expiredElementsAreLeftBehind() throws Exception {
    ListStateDescriptor<String> d = new ListStateDescriptor<>("l", String.class);
    d.enableTimeToLive(ttl(100));
    ListState<String> list = backend.getListState(d);
    InternalMergingState<Integer> ns = (InternalMergingState<Integer>) list;
    backend.setCurrentKey("k");
    ns.setCurrentNamespace(1);
    list.add("old");
    now = 60;
    list.add("young");
    ns.setCurrentNamespace(2);
    list.add("other");

    now = 120;
    ns.mergeNamespaces(3, List.of(1, 2));

    ns.setCurrentNamespace(3);
    assertThat(list.get()).containsExactly("young", "other");
    ns.setCurrentNamespace(1);
    assertThat(list.get()).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void when_reducingNamespacesMerge_then_onlyUnexpiredValuesAreCombined() throws Exception {
    ReducingStateDescriptor<Long> d = new ReducingStateDescriptor<>("sum", Long::sum, Long.class);
    d.enableTimeToLive(ttl(100));
    ReducingState<Long> sum = backend.getReducingState(d);
    InternalMergingState<String> ns = (InternalMergingState<String>) sum;
    backend.setCurrentKey("k");
    ns.setCurrentNamespace("w1");
    sum.add(1L);
    now = 60;
    ns.setCurrentNamespace("w2");
    sum.add(10L);
    ns.setCurrentNamespace("w3");
    sum.add(100L);

    now = 120;
    ns.mergeNamespaces("w3", List.of("w1", "w2"));

    assertThat(sum.get()).isEqualTo(110L);
    now = 219;
    assertThat(sum.get()).as("the merged value counts as written at the merge").isEqualTo(110L);
    now = 220;
    assertThat(sum.get()).isNull();
  }
}
