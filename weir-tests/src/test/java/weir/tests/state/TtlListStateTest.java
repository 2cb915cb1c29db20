package weir.tests.state;

import static org.assertj.core.api.Assertions.assertThat;
import static weir.tests.state.StateDriver.copy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.StateTtlConfig;
import weir.api.state.StateTtlConfig.StateVisibility;
import weir.api.state.StateTtlConfig.UpdateType;

/** List state with a processing-time TTL of 100 ms per element, under the harness's clock. */
class TtlListStateTest {
  private static StateTtlConfig.Builder ttl() {
    return StateTtlConfig.newBuilder(Duration.ofMillis(100));
  }

  private static StateDriver<ListState<String>> driver(StateTtlConfig.Builder ttl) throws Exception {
    ListStateDescriptor<String> d = new ListStateDescriptor<>("l", String.class);
    d.enableTimeToLive(ttl.build());
    return StateDriver.of("l", ctx -> ctx.getListState(d));
  }

  private static Object get(StateDriver<ListState<String>> state, String key) throws Exception {
    return state.read(key, s -> copy(s.get()));
  }

  @Test
  void when_elementsAddedAtDifferentTimes_then_eachExpiresOnItsOwn() throws Exception {
    try (var state = driver(ttl())) {
      state.write("k", s -> s.add("a"));
      state.setProcessingTime(40);
      state.write("k", s -> s.add("b"));
      state.setProcessingTime(70);
      state.write("k", s -> s.addAll(List.of("c", "d")));

      state.setProcessingTime(99);
      assertThat(get(state, "k")).isEqualTo(List.of("a", "b", "c", "d"));
      state.setProcessingTime(100);
      assertThat(get(state, "k")).isEqualTo(List.of("b", "c", "d"));
      state.setProcessingTime(140);
      assertThat(get(state, "k")).isEqualTo(List.of("c", "d"));
      assertThat(state.stored("k")).as("the reads removed the expired elements").isEqualTo(List.of("c", "d"));
      state.setProcessingTime(170);
      assertThat(get(state, "k")).isEqualTo(List.of());
      assertThat(state.keyCount()).as("an emptied list leaves no entry").isZero();
    }
  }

  @Test
  void when_listUpdated_then_allItsElementsCountFromTheUpdate() throws Exception {
    try (var state = driver(ttl())) {
      state.write("k", s -> s.add("old"));
      state.setProcessingTime(90);
      state.write("k", s -> s.update(List.of("x", "y")));

      state.setProcessingTime(189);
      assertThat(get(state, "k")).isEqualTo(List.of("x", "y"));
      state.setProcessingTime(190);
      assertThat(get(state, "k")).isEqualTo(List.of());
    }
  }

  @Test
  void when_onCreateAndWrite_then_readsDoNotExtendElements() throws Exception {
    try (var state = driver(ttl().setUpdateType(UpdateType.OnCreateAndWrite))) {
      state.write("k", s -> s.add("a"));
      state.setProcessingTime(50);
      get(state, "k");

      state.setProcessingTime(100);
      assertThat(get(state, "k")).isEqualTo(List.of());
    }
  }

  @Test
  void when_onReadAndWrite_then_aReadExtendsEveryElementItReturns() throws Exception {
    try (var state = driver(ttl().setUpdateType(UpdateType.OnReadAndWrite))) {
      state.write("k", s -> s.add("a"));
      state.setProcessingTime(50);
      state.write("k", s -> s.add("b"));
      state.setProcessingTime(90);
      assertThat(get(state, "k")).isEqualTo(List.of("a", "b"));

      state.setProcessingTime(189);
      assertThat(get(state, "k")).isEqualTo(List.of("a", "b"));
      state.setProcessingTime(289);
      assertThat(get(state, "k")).isEqualTo(List.of());
    }
  }

  @Test
  void when_returnExpiredIfNotCleanedUp_then_theFirstReadStillReturnsExpiredElements() throws Exception {
    try (var state = driver(ttl().setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp))) {
      state.write("k", s -> s.add("a"));
      state.setProcessingTime(50);
      state.write("k", s -> s.add("b"));

      state.setProcessingTime(120);
      assertThat(get(state, "k")).isEqualTo(List.of("a", "b"));
      assertThat(get(state, "k")).isEqualTo(List.of("b"));
    }
  }

  @Test
  void when_neverReturnExpired_then_expiredElementsStayStoredUntilTheListIsRead() throws Exception {
    try (var state = driver(ttl().disableCleanupInBackground())) {
      state.write("k", s -> s.add("a"));
      state.setProcessingTime(150);
      state.write("k", s -> s.add("b"));

      assertThat(state.stored("k")).isEqualTo(List.of("a", "b"));
      assertThat(get(state, "k")).isEqualTo(List.of("b"));
      assertThat(state.stored("k")).isEqualTo(List.of("b"));
    }
  }
}
