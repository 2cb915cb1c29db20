package weir.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import weir.api.datastream.OutputTag;
import weir.api.functions.Collector;
import weir.api.functions.KeyedCoProcessFunction;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.ProcessFunction;
import weir.api.functions.TimeDomain;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;

class KeyedProcessOperator_timersTest {
  /** Counts records per key and reports the count when a timer 10 ms after each record fires. */
  static final class DelayedCount extends KeyedProcessFunction<String, String, String> {
    static final OutputTag<String> FIRED = OutputTag.of("fired", String.class);
    private transient ValueState<Long> count;

    @Override
    public void open(weir.api.functions.RuntimeContext ctx) {
      count = ctx.getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(String value, Context<String> ctx, Collector<String> out) throws Exception {
      Long c = count.value();
      count.update(c == null ? 1 : c + 1);
      long at = (value.endsWith("!") ? ctx.currentProcessingTime() : ctx.timestamp()) + 10;
      if (value.endsWith("!")) {
        ctx.timerService().registerProcessingTimeTimer(at);
      } else {
        ctx.timerService().registerEventTimeTimer(at);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + "@" + timestamp + "=" + count.value() + "/" + ctx.timeDomain());
      ctx.output(FIRED, ctx.getCurrentKey());
    }
  }

  @Test
  void when_the_watermark_passes_event_time_timers_then_they_fire_once_in_time_order_with_their_key() throws Exception {
    try (var harness = FunctionTestHarness.forKeyedProcess(new DelayedCount(), (String s) -> s.substring(0, 1))) {
      harness.processElement("b", 20);
      harness.processElement("a", 5);
      harness.processElement("a", 5); // same timer again: fires once
      harness.processWatermark(14);
      assertThat(harness.output()).isEmpty();
      harness.processWatermark(15);
      assertThat(harness.outputWithTimestamps())
          .containsExactly(TimestampedRecord.of("a@15=2/EVENT_TIME", 15));
      harness.processWatermark(100);
      harness.processWatermark(200);
      assertThat(harness.output()).containsExactly("a@15=2/EVENT_TIME", "b@30=1/EVENT_TIME");
      assertThat(harness.sideOutput(DelayedCount.FIRED)).containsExactly("a", "b");
      assertThat(harness.watermarks()).containsExactly(14L, 15L, 100L, 200L);
    }
  }

  @Test
  void when_the_clock_reaches_processing_time_timers_then_they_fire_without_a_timestamp() throws Exception {
    try (var harness = FunctionTestHarness.forKeyedProcess(new DelayedCount(), (String s) -> s.substring(0, 1))) {
      harness.setProcessingTime(100);
      harness.processElement("x!");
      harness.setProcessingTime(105);
      harness.processElement("y!");
      harness.setProcessingTime(109);
      assertThat(harness.output()).isEmpty();
      harness.setProcessingTime(115);
      assertThat(harness.outputWithTimestamps()).containsExactly(
          new TimestampedRecord<>("x@110=1/PROCESSING_TIME", null),
          new TimestampedRecord<>("y@115=1/PROCESSING_TIME", null));
    }
  }

  @Test
  void when_a_timer_is_deleted_then_it_does_not_fire() throws Exception {
    KeyedProcessFunction<String, Long, String> fn = new KeyedProcessFunction<>() {
      @Override
      public void processElement(Long value, Context<String> ctx, Collector<String> out) {
        if (value > 0) {
          ctx.timerService().registerEventTimeTimer(value);
        } else {
          ctx.timerService().deleteEventTimeTimer(-value);
        }
      }

      @Override
      public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) {
        out.collect(ctx.getCurrentKey() + timestamp);
        assertThat(ctx.timerService().currentWatermark()).isGreaterThanOrEqualTo(timestamp);
      }
    };
    try (var harness = FunctionTestHarness.forKeyedProcess(fn, (Long v) -> "k")) {
      harness.processElement(10L);
      harness.processElement(20L);
      harness.processElement(-10L);
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.output()).containsExactly("k20");
    }
  }

  @Test
  void when_a_timer_sets_another_due_timer_then_it_fires_in_the_same_watermark() throws Exception {
    KeyedProcessFunction<String, Long, Long> fn = new KeyedProcessFunction<>() {
      @Override
      public void processElement(Long value, Context<String> ctx, Collector<Long> out) {
        ctx.timerService().registerEventTimeTimer(value);
      }

      @Override
      public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<Long> out) {
        out.collect(timestamp);
        if (timestamp < 3) {
          ctx.timerService().registerEventTimeTimer(timestamp + 1);
        }
      }
    };
    try (var harness = FunctionTestHarness.forKeyedProcess(fn, (Long v) -> "k")) {
      harness.processElement(1L);
      harness.processWatermark(10);
      assertThat(harness.output()).containsExactly(1L, 2L, 3L);
    }
  }

  @Test
  void when_a_non_keyed_function_sets_a_timer_then_the_error_says_to_key_the_stream() throws Exception {
    ProcessFunction<String, String> fn = new ProcessFunction<>() {
      @Override
      public void processElement(String value, Context ctx, Collector<String> out) {
        out.collect(value + ctx.timestamp() + "/" + ctx.timerService().currentWatermark());
        ctx.timerService().registerEventTimeTimer(1);
      }
    };
    try (var harness = FunctionTestHarness.forProcess(fn)) {
      harness.processWatermark(7);
      assertThatThrownBy(() -> harness.processElement("a", 3))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("keyBy");
      assertThat(harness.output()).containsExactly("a3/7");
    }
  }

  @Test
  void when_a_keyed_co_process_function_sets_timers_from_both_inputs_then_they_fire_per_key() throws Exception {
    KeyedCoProcessFunction<String, String, Integer, String> fn = new KeyedCoProcessFunction<>() {
      @Override
      public void processElement1(String value, KeyedProcessFunction.Context<String> ctx, Collector<String> out) {
        ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 1);
      }

      @Override
      public void processElement2(Integer value, KeyedProcessFunction.Context<String> ctx, Collector<String> out) {
        ctx.timerService().registerProcessingTimeTimer(value);
      }

      @Override
      public void onTimer(long timestamp, KeyedProcessFunction.OnTimerContext<String> ctx, Collector<String> out) {
        out.collect(ctx.getCurrentKey() + timestamp + (ctx.timeDomain() == TimeDomain.EVENT_TIME ? "e" : "p"));
      }
    };
    try (var harness = FunctionTestHarness.forKeyedCoProcess(fn, (String s) -> s, (Integer i) -> "n" + i)) {
      harness.processElement1("a", 4);
      harness.processElement2(7);
      harness.setProcessingTime(7);
      harness.processWatermark(5);
      assertThat(harness.output()).containsExactly("n77p", "a5e");
    }
  }
}
