package weir.tests.state;

import static org.assertj.core.api.Assertions.assertThat;
import static weir.tests.state.StateDriver.copy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.StateTtlConfig;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.testing.SubtaskSettings;

/**
 * Incremental cleanup removes expired entries of keys that are never read again. The subtask
 * owns a single key group, so that all keys are in the one map the cleanup goes round.
 */
class TtlIncrementalCleanupTest {
  private static final SubtaskSettings ONE_KEY_GROUP = SubtaskSettings.of(0, 1).withMaxParallelism(1);

  private static StateTtlConfig.Builder ttl() {
    return StateTtlConfig.newBuilder(Duration.ofMillis(100));
  }

  private static StateDriver<ValueState<Long>> values(StateTtlConfig.Builder ttl) throws Exception {
    ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("v", Long.class);
    d.enableTimeToLive(ttl.build());
    return StateDriver.of("v", ctx -> ctx.getState(d), ONE_KEY_GROUP);
  }

  private static void writeKeys(StateDriver<ValueState<Long>> state, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      long value = i;
      state.write("key-" + i, s -> s.update(value));
    }
  }

  @Test
  void when_stateAccessed_then_eachAccessRemovesUpToCleanupSizeExpiredEntries() throws Exception {
    try (var state = values(ttl().cleanupIncrementally(5, false))) {
      writeKeys(state, 20);
      state.setProcessingTime(100);

      assertThat(state.read("absent", ValueState::value)).isNull();
      assertThat(state.keyCount()).isEqualTo(15);
      state.read("absent", ValueState::value);
      state.read("absent", ValueState::value);
      state.read("absent", ValueState::value);
      assertThat(state.keyCount()).isZero();
    }
  }

  @Test
  void when_someEntriesHaveNotExpired_then_cleanupKeepsThem() throws Exception {
    try (var state = values(ttl().cleanupIncrementally(5, false))) {
      writeKeys(state, 10);
      state.setProcessingTime(60);
      state.write("young-1", s -> s.update(1L));
      state.write("young-2", s -> s.update(2L));
      state.setProcessingTime(100);

      for (int i = 0; i < 10; i++) {
        state.read("absent", ValueState::value);
      }

      assertThat(state.keyCount()).isEqualTo(2);
      assertThat(state.stored("young-1")).isEqualTo(1L);
      assertThat(state.stored("young-2")).isEqualTo(2L);
    }
  }

  @Test
  void when_runCleanupForEveryRecord_then_recordsThatDoNotTouchTheStateCleanToo() throws Exception {
    try (var state = values(ttl().cleanupIncrementally(5, true))) {
      writeKeys(state, 20);
      state.setProcessingTime(100);

      state.write("other", s -> {});

      assertThat(state.keyCount()).isEqualTo(15);
    }
  }

  @Test
  void when_cleanupRunsOnlyOnAccess_then_recordsThatDoNotTouchTheStateLeaveItAlone() throws Exception {
    try (var state = values(ttl().cleanupIncrementally(5, false))) {
      writeKeys(state, 20);
      state.setProcessingTime(100);

      state.write("other", s -> {});

      assertThat(state.keyCount()).isEqualTo(20);
    }
  }

  @Test
  void when_defaultConfig_then_backgroundCleanupChecksFiveEntriesPerAccess() throws Exception {
    try (var state = values(ttl())) {
      writeKeys(state, 20);
      state.setProcessingTime(100);

      state.read("absent", ValueState::value);

      assertThat(state.keyCount()).isEqualTo(15);
    }
  }

  @Test
  void when_backgroundCleanupDisabled_then_accessesOfOtherKeysRemoveNothing() throws Exception {
    try (var state = values(ttl().disableCleanupInBackground())) {
      writeKeys(state, 20);
      state.setProcessingTime(100);

      for (int i = 0; i < 10; i++) {
        state.read("absent", ValueState::value);
      }

      assertThat(state.keyCount()).isEqualTo(20);
    }
  }

  @Test
  void when_keysComeAndGoAllTheTime_then_expiredEntriesStayFewAndAllGoInTheEnd() throws Exception {
    try (var state = values(ttl().cleanupIncrementally(5, false))) {
      long peak = 0;
      for (int t = 0; t < 2_000; t++) {
        state.setProcessingTime(t);
        long value = t;
        state.write("key-" + t, s -> s.update(value));
        peak = Math.max(peak, state.keyCount());
      }
      // 100 keys are alive at any time; the cleanup keeps the expired ones to a fraction of that
      assertThat(peak).isBetween(100L, 150L);

      state.setProcessingTime(10_000);
      int accesses = 0;
      while (state.keyCount() > 0 && accesses < 1_000) {
        state.read("absent", ValueState::value);
        accesses++;
      }
      assertThat(state.keyCount()).isZero();
      assertThat(accesses).isLessThanOrEqualTo(150 / 5 + 1);
    }
  }

  @Test
  void when_listElementsExpire_then_cleanupTrimsListsAndDropsEmptiedOnes() throws Exception {
    ListStateDescriptor<String> d = new ListStateDescriptor<>("l", String.class);
    d.enableTimeToLive(ttl().cleanupIncrementally(10, false).build());
    try (var state = StateDriver.of("l", ctx -> ctx.getListState(d), ONE_KEY_GROUP)) {
      state.write("old", s -> s.add("a"));
      state.write("mixed", s -> s.add("b"));
      state.setProcessingTime(60);
      state.write("mixed", s -> s.add("c"));
      state.setProcessingTime(100);

      state.read("absent", s -> copy(s.get()));

      assertThat(state.keyCount()).isEqualTo(1);
      assertThat(state.stored("mixed")).isEqualTo(List.of("c"));
    }
  }
}
