package weir.tests.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import weir.api.functions.AggregateFunction;
import weir.api.state.AggregatingState;
import weir.api.state.AggregatingStateDescriptor;
import weir.api.state.StateTtlConfig;
import weir.api.state.StateTtlConfig.StateVisibility;
import weir.api.state.StateTtlConfig.UpdateType;

/** An average with a processing-time TTL of 100 ms on its accumulator, under the harness's clock. */
class TtlAggregatingStateTest {
  /** The accumulator: a sum and a count (a record, so it is kept serialized). */
  public record SumCount(long sum, long count) {}

  /** The average of the added values. */
  static final class Average implements AggregateFunction<Long, SumCount, Double> {
    @Override
    public SumCount createAccumulator() {
      return new SumCount(0, 0);
    }

    @Override
    public SumCount add(Long value, SumCount acc) {
      return new SumCount(acc.sum() + value, acc.count() + 1);
    }

    @Override
    public Double getResult(SumCount acc) {
      return (double) acc.sum() / acc.count();
    }

    @Override
    public SumCount merge(SumCount a, SumCount b) {
      return new SumCount(a.sum() + b.sum(), a.count() + b.count());
    }
  }

  private static StateTtlConfig.Builder ttl() {
    return StateTtlConfig.newBuilder(Duration.ofMillis(100));
  }

  private static StateDriver<AggregatingState<Long, Double>> driver(StateTtlConfig.Builder ttl) throws Exception {
    AggregatingStateDescriptor<Long, SumCount, Double> d =
        new AggregatingStateDescriptor<>("avg", new Average(), SumCount.class);
    d.enableTimeToLive(ttl.build());
    return StateDriver.of("avg", ctx -> ctx.getAggregatingState(d));
  }

  @Test
  void when_addsComeWithinTtl_then_resultCoversThem_and_afterTtl_thenGone() throws Exception {
    try (var state = driver(ttl())) {
      state.write("k", s -> s.add(2L));
      state.setProcessingTime(50);
      state.write("k", s -> s.add(4L));

      state.setProcessingTime(149);
      assertThat(state.read("k", AggregatingState::get)).isEqualTo(3.0);
      assertThat(state.stored("k")).isEqualTo(new SumCount(6, 2));
      state.setProcessingTime(150);
      assertThat(state.read("k", AggregatingState::get)).isNull();
    }
  }

  @Test
  void when_addComesAfterExpiry_then_aFreshAccumulatorTakesIt() throws Exception {
    try (var state = driver(ttl().disableCleanupInBackground())) {
      state.write("k", s -> s.add(100L));
      state.setProcessingTime(200);
      state.write("k", s -> s.add(1L));

      assertThat(state.read("k", AggregatingState::get)).isEqualTo(1.0);
    }
  }

  @Test
  void when_onCreateAndWrite_then_getDoesNotExtendLife() throws Exception {
    try (var state = driver(ttl())) {
      state.write("k", s -> s.add(2L));
      state.setProcessingTime(60);
      assertThat(state.read("k", AggregatingState::get)).isEqualTo(2.0);

      state.setProcessingTime(100);
      assertThat(state.read("k", AggregatingState::get)).isNull();
    }
  }

  @Test
  void when_onReadAndWrite_then_getExtendsLife() throws Exception {
    try (var state = driver(ttl().setUpdateType(UpdateType.OnReadAndWrite))) {
      state.write("k", s -> s.add(2L));
      state.setProcessingTime(60);
      assertThat(state.read("k", AggregatingState::get)).isEqualTo(2.0);

      state.setProcessingTime(159);
      assertThat(state.read("k", AggregatingState::get)).isEqualTo(2.0);
      state.setProcessingTime(259);
      assertThat(state.read("k", AggregatingState::get)).isNull();
    }
  }

  @Test
  void when_returnExpiredIfNotCleanedUp_then_firstGetAfterExpiryReturnsTheOldResult() throws Exception {
    try (var state = driver(ttl().setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp))) {
      state.write("k", s -> s.add(2L));
      state.setProcessingTime(300);

      assertThat(state.read("k", AggregatingState::get)).isEqualTo(2.0);
      assertThat(state.read("k", AggregatingState::get)).isNull();
    }
  }
}
