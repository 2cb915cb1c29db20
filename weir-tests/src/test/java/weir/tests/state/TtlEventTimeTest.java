package weir.tests.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.StateTtlConfig;
import weir.api.state.StateTtlConfig.UpdateType;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.testing.FunctionTestHarness;
import weir.testing.TimestampedRecord;

/**
 * Event-time TTL: the clock is the operator's watermark. An access happens at the watermark the
 * operator has when it happens, whatever the record's timestamp; accesses before the first
 * watermark count from the first watermark.
 */
class TtlEventTimeTest {
  private static StateTtlConfig.Builder ttl() {
    return StateTtlConfig.newBuilder(Duration.ofMillis(100)).useEventTime();
  }

  private static StateDriver<ValueState<Long>> driver(StateTtlConfig.Builder ttl) throws Exception {
    ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("v", Long.class);
    d.enableTimeToLive(ttl.build());
    return StateDriver.of("v", ctx -> ctx.getState(d));
  }

  @Test
  void when_watermarkReachesLastWritePlusTtl_then_valueExpires() throws Exception {
    try (var state = driver(ttl())) {
      state.processWatermark(1_000);
      state.write("k", s -> s.update(1L));

      state.processWatermark(1_099);
      assertThat(state.read("k", ValueState::value)).isEqualTo(1L);
      state.processWatermark(1_100);
      assertThat(state.read("k", ValueState::value)).isNull();
    }
  }

  @Test
  void when_processingTimeMoves_then_eventTimeTtlIgnoresIt() throws Exception {
    try (var state = driver(ttl())) {
      state.processWatermark(1_000);
      state.write("k", s -> s.update(1L));

      state.setProcessingTime(1_000_000);

      assertThat(state.read("k", ValueState::value)).isEqualTo(1L);
    }
  }

  @Test
  void when_writtenBeforeTheFirstWatermark_then_lifeCountsFromTheFirstWatermark() throws Exception {
    try (var state = driver(ttl())) {
      state.write("k", s -> s.update(1L));
      assertThat(state.read("k", ValueState::value)).as("no event time yet: nothing expires").isEqualTo(1L);

      state.processWatermark(50_000);
      assertThat(state.read("k", ValueState::value)).isEqualTo(1L);
      state.processWatermark(50_099);
      assertThat(state.read("k", ValueState::value)).isEqualTo(1L);
      state.processWatermark(50_100);
      assertThat(state.read("k", ValueState::value)).isNull();
    }
  }

  @Test
  void when_onReadAndWrite_then_aReadRestampsWithTheCurrentWatermark() throws Exception {
    try (var state = driver(ttl().setUpdateType(UpdateType.OnReadAndWrite))) {
      state.processWatermark(0);
      state.write("k", s -> s.update(1L));
      state.processWatermark(80);
      assertThat(state.read("k", ValueState::value)).isEqualTo(1L);

      state.processWatermark(179);
      assertThat(state.read("k", ValueState::value)).isEqualTo(1L);
      state.processWatermark(279);
      assertThat(state.read("k", ValueState::value)).isNull();
    }
  }

  /**
   * Remembers the last time each key was seen in event-time TTL state and sets a timer to look
   * again 100 ms of event time after each record: "seen" while the key was seen within the TTL.
   */
  static final class LookAgain extends KeyedProcessFunction<String, String, String> {
    private transient ValueState<Long> lastSeen;

    @Override
    public void open(RuntimeContext ctx) {
      ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("last-seen", Long.class);
      d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(150)).useEventTime().build());
      lastSeen = ctx.getState(d);
    }

    @Override
    public void processElement(String key, Context<String> ctx, Collector<String> out) {
      Long before = lastSeen.value();
      out.collect(key + (before == null ? " new" : " again"));
      lastSeen.update(ctx.timestamp());
      ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 100);
    }

    @Override
    public void onTimer(long time, OnTimerContext<String> ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + (lastSeen.value() == null ? " forgotten" : " remembered"));
    }
  }

  @Test
  void when_timersAndRecordsReadEventTimeTtlState_then_watermarksDecideWhatIsRemembered() throws Exception {
    try (var harness = FunctionTestHarness.forKeyedProcess(new LookAgain(), (String s) -> s)) {
      harness.processWatermark(0);
      harness.processElement("a", 10); // written at watermark 0: expires when the watermark reaches 150
      harness.processWatermark(60);
      harness.processElement("b", 70); // written at watermark 60: expires at 210
      // the late record's own timestamp does not matter: the write happens at watermark 60
      harness.processElement("c", 5);

      harness.processWatermark(149);
      assertThat(harness.takeOutput()).containsExactly("a new", "b new", "c new", "c remembered", "a remembered");
      harness.processWatermark(170);
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of("b remembered", 170));
      harness.takeOutput();

      harness.processElement("a", 171);
      harness.processElement("c", 172);
      assertThat(harness.takeOutput()).containsExactly("a new", "c again");
      harness.processWatermark(210);
      harness.processElement("b", 220);
      assertThat(harness.takeOutput()).containsExactly("b new");
    }
  }
}
