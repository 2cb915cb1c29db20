package weir.tests.state;

import static org.assertj.core.api.Assertions.assertThat;
import static weir.tests.state.StateDriver.copy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.StateTtlConfig;
import weir.api.state.StateTtlConfig.StateVisibility;
import weir.api.state.StateTtlConfig.UpdateType;

/** Map state with a processing-time TTL of 100 ms per entry, under the harness's clock. */
class TtlMapStateTest {
  private static StateTtlConfig.Builder ttl() {
    return StateTtlConfig.newBuilder(Duration.ofMillis(100));
  }

  private static StateDriver<MapState<String, Integer>> driver(StateTtlConfig.Builder ttl) throws Exception {
    MapStateDescriptor<String, Integer> d = new MapStateDescriptor<>("m", String.class, Integer.class);
    d.enableTimeToLive(ttl.build());
    return StateDriver.of("m", ctx -> ctx.getMapState(d));
  }

  private static Map<String, Integer> entries(MapState<String, Integer> s) {
    Map<String, Integer> copy = new HashMap<>();
    for (Map.Entry<String, Integer> e : s.entries()) {
      copy.put(e.getKey(), e.getValue());
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object read) {
    return (List<Object>) read;
  }

  @Test
  void when_entriesPutAtDifferentTimes_then_eachExpiresOnItsOwn() throws Exception {
    try (var state = driver(ttl())) {
      state.write("k", s -> s.put("a", 1));
      state.setProcessingTime(40);
      state.write("k", s -> s.putAll(Map.of("b", 2, "c", 3)));

      state.setProcessingTime(99);
      assertThat(state.read("k", TtlMapStateTest::entries)).isEqualTo(Map.of("a", 1, "b", 2, "c", 3));
      state.setProcessingTime(100);
      assertThat(state.read("k", s -> s.get("a"))).isNull();
      assertThat(state.read("k", s -> s.contains("a"))).isEqualTo(false);
      assertThat(state.read("k", s -> s.get("b"))).isEqualTo(2);
      assertThat(list(state.read("k", s -> copy(s.keys())))).containsExactlyInAnyOrder("b", "c");
      assertThat(list(state.read("k", s -> copy(s.values())))).containsExactlyInAnyOrder(2, 3);
      assertThat(state.read("k", MapState::isEmpty)).isEqualTo(false);

      state.setProcessingTime(140);
      assertThat(state.read("k", MapState::isEmpty)).isEqualTo(true);
      assertThat(state.keyCount()).as("an emptied map leaves no entry").isZero();
    }
  }

  @Test
  void when_entryPutAgain_then_itsLifeRestartsAndOthersKeepTheirs() throws Exception {
    try (var state = driver(ttl())) {
      state.write("k", s -> s.putAll(Map.of("a", 1, "b", 2)));
      state.setProcessingTime(80);
      state.write("k", s -> s.put("a", 10));

      state.setProcessingTime(120);
      assertThat(state.read("k", TtlMapStateTest::entries)).isEqualTo(Map.of("a", 10));
    }
  }

  @Test
  void when_onCreateAndWrite_then_getDoesNotExtendTheEntry() throws Exception {
    try (var state = driver(ttl().setUpdateType(UpdateType.OnCreateAndWrite))) {
      state.write("k", s -> s.put("a", 1));
      state.setProcessingTime(50);
      assertThat(state.read("k", s -> s.get("a"))).isEqualTo(1);

      state.setProcessingTime(100);
      assertThat(state.read("k", s -> s.get("a"))).isNull();
    }
  }

  @Test
  void when_onReadAndWrite_then_aReadExtendsOnlyTheEntriesItReads() throws Exception {
    try (var state = driver(ttl().setUpdateType(UpdateType.OnReadAndWrite))) {
      state.write("k", s -> s.putAll(Map.of("a", 1, "b", 2)));
      state.setProcessingTime(50);
      assertThat(state.read("k", s -> s.get("a"))).isEqualTo(1);

      state.setProcessingTime(120);
      assertThat(state.read("k", TtlMapStateTest::entries)).isEqualTo(Map.of("a", 1));
      state.setProcessingTime(219);
      assertThat(state.read("k", TtlMapStateTest::entries)).as("iterating read it too").isEqualTo(Map.of("a", 1));
    }
  }

  @Test
  void when_returnExpiredIfNotCleanedUp_then_theReadThatFindsAnExpiredEntryReturnsIt() throws Exception {
    try (var state = driver(ttl().setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp)
        .disableCleanupInBackground())) {
      state.write("k", s -> s.putAll(Map.of("a", 1, "b", 2)));
      state.setProcessingTime(150);

      assertThat(state.read("k", s -> s.get("a"))).isEqualTo(1);
      assertThat(state.read("k", s -> s.get("a"))).isNull();
      assertThat(state.read("k", s -> s.contains("b"))).isEqualTo(true);
      assertThat(state.read("k", s -> s.contains("b"))).isEqualTo(false);
      assertThat(state.keyCount()).isZero();
    }
  }

  @Test
  void when_neverReturnExpired_then_expiredEntriesStayStoredUntilTouched() throws Exception {
    try (var state = driver(ttl().disableCleanupInBackground())) {
      state.write("k", s -> s.putAll(Map.of("a", 1, "b", 2)));
      state.setProcessingTime(150);
      state.write("k", s -> s.put("c", 3));

      assertThat(state.stored("k")).isEqualTo(Map.of("a", 1, "b", 2, "c", 3));
      assertThat(state.read("k", s -> s.get("a"))).isNull();
      assertThat(state.stored("k")).isEqualTo(Map.of("b", 2, "c", 3));
      state.write("k", s -> s.remove("c"));
      assertThat(state.read("k", s -> copy(s.keys()))).isEqualTo(List.of());
      assertThat(state.keyCount()).isZero();
    }
  }
}
