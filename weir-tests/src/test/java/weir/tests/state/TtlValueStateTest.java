package weir.tests.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weir.api.state.StateTtlConfig;
import weir.api.state.StateTtlConfig.StateVisibility;
import weir.api.state.StateTtlConfig.UpdateType;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.typeinfo.TypeInfo;

/**
 * Value state with a processing-time TTL of 100 ms, under the harness's clock; each test runs
 * with values kept as bytes (the type has a serializer) and as objects (it has none).
 */
class TtlValueStateTest {
  private static StateTtlConfig.Builder ttl() {
    return StateTtlConfig.newBuilder(Duration.ofMillis(100));
  }

  @SuppressWarnings("unchecked")
  private static StateDriver<ValueState<Long>> driver(boolean binary, StateTtlConfig.Builder ttl) throws Exception {
    TypeInfo<Long> type = binary ? TypeInfo.of(Long.class) : (TypeInfo<Long>) (TypeInfo<?>) TypeInfo.unknown();
    ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("v", type);
    d.enableTimeToLive(ttl.build());
    return StateDriver.of("v", ctx -> ctx.getState(d));
  }

  @ParameterizedTest(name = "binary {0}")
  @ValueSource(booleans = {true, false})
  void when_clockIsBeforeLastWritePlusTtl_then_valueVisible_and_when_itReachesIt_then_gone(boolean binary)
      throws Exception {
    try (var state = driver(binary, ttl())) {
      state.setProcessingTime(1_000);
      state.write("a", s -> s.update(1L));

      state.setProcessingTime(1_099);
      assertThat(state.read("a", ValueState::value)).isEqualTo(1L);
      state.setProcessingTime(1_100);
      assertThat(state.read("a", ValueState::value)).isNull();
      assertThat(state.keyCount()).as("the read removed it").isZero();
    }
  }

  @ParameterizedTest(name = "binary {0}")
  @ValueSource(booleans = {true, false})
  void when_onCreateAndWrite_then_readsDoNotExtendLife(boolean binary) throws Exception {
    try (var state = driver(binary, ttl().setUpdateType(UpdateType.OnCreateAndWrite))) {
      state.write("a", s -> s.update(1L));
      state.setProcessingTime(60);
      assertThat(state.read("a", ValueState::value)).isEqualTo(1L);

      state.setProcessingTime(100);
      assertThat(state.read("a", ValueState::value)).isNull();
    }
  }

  @ParameterizedTest(name = "binary {0}")
  @ValueSource(booleans = {true, false})
  void when_onReadAndWrite_then_eachReadExtendsLife(boolean binary) throws Exception {
    try (var state = driver(binary, ttl().setUpdateType(UpdateType.OnReadAndWrite))) {
      state.write("a", s -> s.update(1L));
      state.setProcessingTime(60);
      assertThat(state.read("a", ValueState::value)).isEqualTo(1L);
      state.setProcessingTime(159);
      assertThat(state.read("a", ValueState::value)).isEqualTo(1L);

      state.setProcessingTime(259);
      assertThat(state.read("a", ValueState::value)).isNull();
    }
  }

  @ParameterizedTest(name = "binary {0}")
  @ValueSource(booleans = {true, false})
  void when_updated_then_lifeRestartsFromTheUpdate(boolean binary) throws Exception {
    try (var state = driver(binary, ttl())) {
      state.write("a", s -> s.update(1L));
      state.setProcessingTime(80);
      state.write("a", s -> s.update(2L));

      state.setProcessingTime(179);
      assertThat(state.read("a", ValueState::value)).isEqualTo(2L);
      state.setProcessingTime(180);
      assertThat(state.read("a", ValueState::value)).isNull();
    }
  }

  @ParameterizedTest(name = "binary {0}")
  @ValueSource(booleans = {true, false})
  void when_neverReturnExpired_then_anExpiredValueIsStoredUntilTouchedButNeverRead(boolean binary)
      throws Exception {
    try (var state = driver(binary, ttl().setStateVisibility(StateVisibility.NeverReturnExpired)
        .disableCleanupInBackground())) {
      state.write("a", s -> s.update(1L));
      state.setProcessingTime(500);

      assertThat(state.stored("a")).as("not touched yet").isEqualTo(1L);
      assertThat(state.read("a", ValueState::value)).isNull();
      assertThat(state.stored("a")).isNull();
      assertThat(state.keyCount()).isZero();
    }
  }

  @ParameterizedTest(name = "binary {0}")
  @ValueSource(booleans = {true, false})
  void when_returnExpiredIfNotCleanedUp_then_theReadThatFindsAnExpiredValueReturnsAndRemovesIt(boolean binary)
      throws Exception {
    try (var state = driver(binary, ttl().setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp)
        .disableCleanupInBackground())) {
      state.write("a", s -> s.update(1L));
      state.setProcessingTime(500);

      assertThat(state.read("a", ValueState::value)).isEqualTo(1L);
      assertThat(state.read("a", ValueState::value)).isNull();
      assertThat(state.keyCount()).isZero();
    }
  }

  @ParameterizedTest(name = "binary {0}")
  @ValueSource(booleans = {true, false})
  void when_keysWrittenAtDifferentTimes_then_eachExpiresOnItsOwn(boolean binary) throws Exception {
    try (var state = driver(binary, ttl())) {
      state.write("a", s -> s.update(1L));
      state.setProcessingTime(50);
      state.write("b", s -> s.update(2L));

      state.setProcessingTime(120);
      assertThat(state.read("a", ValueState::value)).isNull();
      assertThat(state.read("b", ValueState::value)).isEqualTo(2L);
    }
  }

  @ParameterizedTest(name = "binary {0}")
  @ValueSource(booleans = {true, false})
  void when_clearedOrUpdatedWithNull_then_valueGone(boolean binary) throws Exception {
    try (var state = driver(binary, ttl())) {
      state.write("a", s -> s.update(1L));
      state.write("b", s -> s.update(2L));

      state.write("a", ValueState::clear);
      state.write("b", s -> s.update(null));

      assertThat(state.read("a", ValueState::value)).isNull();
      assertThat(state.read("b", ValueState::value)).isNull();
      assertThat(state.keyCount()).isZero();
    }
  }
}
