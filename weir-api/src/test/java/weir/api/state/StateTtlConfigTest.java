package weir.api.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import weir.api.typeinfo.TypeInfo;

class StateTtlConfigTest {
  @Test
  void when_builtWithDefaults_then_processingTimeOnCreateAndWriteNeverReturnExpiredWithIncrementalCleanup() {
    StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMinutes(5)).build();

    assertThat(ttl.getTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(ttl.getUpdateType()).isEqualTo(StateTtlConfig.UpdateType.OnCreateAndWrite);
    assertThat(ttl.getStateVisibility()).isEqualTo(StateTtlConfig.StateVisibility.NeverReturnExpired);
    assertThat(ttl.getTimeCharacteristic()).isEqualTo(StateTtlConfig.TimeCharacteristic.ProcessingTime);
    assertThat(ttl.isCleanupFullSnapshot()).isFalse();
    assertThat(ttl.isCleanupInBackground()).isTrue();
    assertThat(ttl.getIncrementalCleanup())
        .isEqualTo(new StateTtlConfig.IncrementalCleanup(StateTtlConfig.DEFAULT_CLEANUP_SIZE, false));
  }

  @Test
  void when_everyOptionSet_then_configSaysSo() {
    StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofSeconds(1))
        .setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite)
        .setStateVisibility(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp)
        .useEventTime()
        .cleanupFullSnapshot()
        .cleanupIncrementally(20, true)
        .disableCleanupInBackground()
        .build();

    assertThat(ttl.getUpdateType()).isEqualTo(StateTtlConfig.UpdateType.OnReadAndWrite);
    assertThat(ttl.getStateVisibility()).isEqualTo(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp);
    assertThat(ttl.getTimeCharacteristic()).isEqualTo(StateTtlConfig.TimeCharacteristic.EventTime);
    assertThat(ttl.isCleanupFullSnapshot()).isTrue();
    assertThat(ttl.getIncrementalCleanup()).as("an explicit incremental cleanup stays on")
        .isEqualTo(new StateTtlConfig.IncrementalCleanup(20, true));
  }

  @Test
  void when_backgroundCleanupDisabled_then_noIncrementalCleanupUnlessConfigured() {
    StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofSeconds(1)).disableCleanupInBackground().build();

    assertThat(ttl.isCleanupInBackground()).isFalse();
    assertThat(ttl.getIncrementalCleanup()).isNull();
  }

  @Test
  void when_ttlIsNotPositive_then_builderRejectsIt() {
    assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("A state TTL must be at least 1 ms, but was PT0S");
    assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ofSeconds(-3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but was PT-3S");
    assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ofNanos(999_999)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 ms");
    assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most Long.MAX_VALUE milliseconds");
    assertThatThrownBy(() -> StateTtlConfig.newBuilder(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("TTL");
  }

  @Test
  void when_cleanupSizeIsNotPositive_then_builderRejectsIt() {
    StateTtlConfig.Builder builder = StateTtlConfig.newBuilder(Duration.ofSeconds(1));

    assertThatThrownBy(() -> builder.cleanupIncrementally(0, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The cleanup size of incremental TTL cleanup must be at least 1, but was 0");
  }

  @Test
  void when_enumSettersGetNull_then_theyFailNamingTheSetting() {
    StateTtlConfig.Builder builder = StateTtlConfig.newBuilder(Duration.ofSeconds(1));

    assertThatThrownBy(() -> builder.setUpdateType(null)).hasMessageContaining("update type");
    assertThatThrownBy(() -> builder.setStateVisibility(null)).hasMessageContaining("state visibility");
  }

  @Test
  void when_ttlEnabledOnEachKindOfKeyedStateDescriptor_then_descriptorCarriesIt() {
    StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofSeconds(1)).build();
    StateDescriptor<?>[] descriptors = {
        new ValueStateDescriptor<>("v", Long.class),
        new ListStateDescriptor<>("l", Long.class),
        new MapStateDescriptor<>("m", String.class, Long.class),
        new ReducingStateDescriptor<>("r", Long::sum, Long.class),
        new AggregatingStateDescriptor<>("a", new Count(), Long.class)};

    for (StateDescriptor<?> d : descriptors) {
      assertThat(d.getTtlConfig()).isNull();
      d.enableTimeToLive(ttl);
      assertThat(d.getTtlConfig()).isSameAs(ttl);
    }
  }

  @Test
  void when_ttlEnabledOnADescriptorThatDoesNotSupportIt_then_itFails() {
    StateDescriptor<Long> other = new StateDescriptor<>("custom", TypeInfo.of(Long.class)) {};

    assertThatThrownBy(() -> other.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofSeconds(1)).build()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("'custom' does not support time-to-live");
    assertThatThrownBy(() -> new ValueStateDescriptor<>("v", Long.class).enableTimeToLive(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("StateTtlConfig.newBuilder");
  }

  @Test
  void when_serializedWithTheDescriptor_then_configSurvivesEqual() throws Exception {
    ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("v", Long.class);
    d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofSeconds(3)).useEventTime().cleanupIncrementally(7, true)
        .build());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(d);
    }
    ValueStateDescriptor<?> copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ValueStateDescriptor<?>) in.readObject();
    }

    assertThat(copy.getTtlConfig()).isEqualTo(d.getTtlConfig()).isNotSameAs(d.getTtlConfig());
    assertThat(copy.getTtlConfig().hashCode()).isEqualTo(d.getTtlConfig().hashCode());
  }

  /** Counts what is added. */
  private static final class Count implements weir.api.functions.AggregateFunction<Long, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Long value, Long acc) {
      return acc + 1;
    }

    @Override
    public Long getResult(Long acc) {
      return acc;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }
}
