package weir.tests.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.state.StateTtlConfig;
import weir.api.state.StateTtlConfig.StateVisibility;
import weir.api.state.StateTtlConfig.UpdateType;

/** A reducing sum with a processing-time TTL of 100 ms, under the harness's clock. */
class TtlReducingStateTest {
  private static StateTtlConfig.Builder ttl() {
    return StateTtlConfig.newBuilder(Duration.ofMillis(100));
  }

  private static StateDriver<ReducingState<Long>> driver(StateTtlConfig.Builder ttl) throws Exception {
    ReducingStateDescriptor<Long> d = new ReducingStateDescriptor<>("sum", Long::sum, Long.class);
    d.enableTimeToLive(ttl.build());
    return StateDriver.of("sum", ctx -> ctx.getReducingState(d));
  }

  @Test
  void when_addsComeWithinTtl_then_theyAccumulateAndEachAddExtendsLife() throws Exception {
    try (var state = driver(ttl())) {
      state.write("k", s -> s.add(1L));
      state.setProcessingTime(90);
      state.write("k", s -> s.add(2L));
      state.setProcessingTime(180);
      state.write("k", s -> s.add(3L));

      state.setProcessingTime(279);
      assertThat(state.read("k", ReducingState::get)).isEqualTo(6L);
      state.setProcessingTime(280);
      assertThat(state.read("k", ReducingState::get)).isNull();
    }
  }

  @Test
  void when_addComesAfterExpiry_then_itStartsAfreshInsteadOfCombiningWithTheExpiredValue() throws Exception {
    try (var state = driver(ttl().setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp)
        .disableCleanupInBackground())) {
      state.write("k", s -> s.add(5L));
      state.setProcessingTime(100);
      state.write("k", s -> s.add(1L));

      assertThat(state.read("k", ReducingState::get)).isEqualTo(1L);
    }
  }

  @Test
  void when_onCreateAndWrite_then_getDoesNotExtendLife() throws Exception {
    try (var state = driver(ttl())) {
      state.write("k", s -> s.add(5L));
      state.setProcessingTime(60);
      assertThat(state.read("k", ReducingState::get)).isEqualTo(5L);

      state.setProcessingTime(100);
      assertThat(state.read("k", ReducingState::get)).isNull();
    }
  }

  @Test
  void when_onReadAndWrite_then_getExtendsLife() throws Exception {
    try (var state = driver(ttl().setUpdateType(UpdateType.OnReadAndWrite))) {
      state.write("k", s -> s.add(5L));
      state.setProcessingTime(60);
      assertThat(state.read("k", ReducingState::get)).isEqualTo(5L);

      state.setProcessingTime(159);
      assertThat(state.read("k", ReducingState::get)).isEqualTo(5L);
    }
  }

  @Test
  void when_returnExpiredIfNotCleanedUp_then_firstGetAfterExpiryReturnsTheOldSum() throws Exception {
    try (var state = driver(ttl().setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp)
        .disableCleanupInBackground())) {
      state.write("k", s -> s.add(5L));
      state.setProcessingTime(300);

      assertThat(state.stored("k")).isEqualTo(5L);
      assertThat(state.read("k", ReducingState::get)).isEqualTo(5L);
      assertThat(state.read("k", ReducingState::get)).isNull();
      assertThat(state.keyCount()).isZero();
    }
  }
}
