package weir.api.windowing.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.windowing.windows.GlobalWindow;
import weir.api.windowing.windows.TimeWindow;

class TriggersTest {

  private final FakeTriggerContext ctx = new FakeTriggerContext();

  @Test
  void when_recordArrivesBeforeTheWatermarkPassesTheWindow_then_eventTimeTriggerSetsATimerAtItsEnd() throws Exception {
    TimeWindow w = new TimeWindow(0, 10);
    ctx.watermark = 5;
    assertThat(EventTimeTrigger.create().onElement("x", 3, w, ctx.at(w))).isEqualTo(TriggerResult.CONTINUE);
    assertThat(ctx.eventTimers(w)).containsExactly(9L);
    assertThat(EventTimeTrigger.create().onEventTime(9, w, ctx)).isEqualTo(TriggerResult.FIRE);
    assertThat(EventTimeTrigger.create().onEventTime(8, w, ctx)).isEqualTo(TriggerResult.CONTINUE);
    EventTimeTrigger.create().clear(w, ctx);
    assertThat(ctx.eventTimers(w)).isEmpty();
  }

  @Test
  void when_lateRecordArrivesForAWindowTheWatermarkPassed_then_eventTimeTriggerFiresAtOnce() throws Exception {
    TimeWindow w = new TimeWindow(0, 10);
    ctx.watermark = 9;
    assertThat(EventTimeTrigger.create().onElement("x", 3, w, ctx.at(w))).isEqualTo(TriggerResult.FIRE);
    assertThat(ctx.eventTimers(w)).isEmpty();
  }

  @Test
  void when_sessionsMerge_then_eventTimeTriggerSetsATimerOnlyIfTheMergedWindowCanStillFire() throws Exception {
    TimeWindow merged = new TimeWindow(0, 20);
    ctx.watermark = 10;
    EventTimeTrigger.create().onMerge(merged, ctx.at(merged));
    assertThat(ctx.eventTimers(merged)).containsExactly(19L);
    TimeWindow past = new TimeWindow(0, 5);
    EventTimeTrigger.create().onMerge(past, ctx.at(past));
    assertThat(ctx.eventTimers(past)).isEmpty();
  }

  @Test
  void when_processingTimePassesTheWindow_then_processingTimeTriggerFires() throws Exception {
    TimeWindow w = new TimeWindow(100, 200);
    ProcessingTimeTrigger trigger = ProcessingTimeTrigger.create();
    assertThat(trigger.onElement("x", Long.MIN_VALUE, w, ctx.at(w))).isEqualTo(TriggerResult.CONTINUE);
    assertThat(ctx.processingTimers(w)).containsExactly(199L);
    assertThat(trigger.onProcessingTime(199, w, ctx)).isEqualTo(TriggerResult.FIRE);
    assertThat(trigger.onEventTime(199, w, ctx)).isEqualTo(TriggerResult.CONTINUE);
    trigger.clear(w, ctx);
    assertThat(ctx.processingTimers(w)).isEmpty();
  }

  @Test
  void when_countIsReached_then_countTriggerFiresAndStartsCountingAgain() throws Exception {
    CountTrigger<GlobalWindow> trigger = CountTrigger.of(3);
    GlobalWindow w = GlobalWindow.get();
    ctx.at(w);
    assertThat(trigger.onElement("a", 0, w, ctx)).isEqualTo(TriggerResult.CONTINUE);
    assertThat(trigger.onElement("b", 0, w, ctx)).isEqualTo(TriggerResult.CONTINUE);
    assertThat(trigger.onElement("c", 0, w, ctx)).isEqualTo(TriggerResult.FIRE);
    assertThat(trigger.onElement("d", 0, w, ctx)).isEqualTo(TriggerResult.CONTINUE);
    trigger.clear(w, ctx);
    assertThat(ctx.hasState(w)).isFalse();
  }

  @Test
  void when_windowsWithCountsMerge_then_countTriggerAddsTheirCounts() throws Exception {
    CountTrigger<TimeWindow> trigger = CountTrigger.of(4);
    TimeWindow a = new TimeWindow(0, 10);
    TimeWindow b = new TimeWindow(5, 15);
    TimeWindow merged = new TimeWindow(0, 15);
    trigger.onElement("x", 1, a, ctx.at(a));
    trigger.onElement("x", 2, a, ctx.at(a));
    trigger.onElement("x", 6, b, ctx.at(b));
    trigger.onMerge(merged, ctx.at(merged).merging(List.of(a, b)));
    assertThat(trigger.onElement("x", 7, merged, ctx.at(merged))).isEqualTo(TriggerResult.FIRE);
  }

  @Test
  void when_countIsNotPositive_then_countTriggerCannotBeBuilt() {
    assertThatThrownBy(() -> CountTrigger.of(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void when_nestedTriggerFires_then_purgingTriggerFiresAndPurges() throws Exception {
    PurgingTrigger<Object, GlobalWindow> trigger = PurgingTrigger.of(CountTrigger.of(2));
    GlobalWindow w = GlobalWindow.get();
    ctx.at(w);
    assertThat(trigger.onElement("a", 0, w, ctx)).isEqualTo(TriggerResult.CONTINUE);
    assertThat(trigger.onElement("b", 0, w, ctx)).isEqualTo(TriggerResult.FIRE_AND_PURGE);
    assertThat(trigger.canMerge()).isTrue();
    assertThat(trigger).hasToString("PurgingTrigger(CountTrigger(2))");
  }

  @Test
  void when_watermarkAdvances_then_continuousEventTimeTriggerFiresEveryIntervalAndAtTheEnd() throws Exception {
    ContinuousEventTimeTrigger<TimeWindow> trigger = ContinuousEventTimeTrigger.of(Duration.ofMillis(10));
    TimeWindow w = new TimeWindow(0, 35);
    ctx.at(w);
    assertThat(trigger.onElement("x", 3, w, ctx)).isEqualTo(TriggerResult.CONTINUE);
    assertThat(ctx.eventTimers(w)).containsExactly(10L, 34L);
    assertThat(trigger.onElement("y", 7, w, ctx)).isEqualTo(TriggerResult.CONTINUE);
    assertThat(ctx.eventTimers(w)).containsExactly(10L, 34L);

    assertThat(trigger.onEventTime(10, w, ctx)).isEqualTo(TriggerResult.FIRE);
    assertThat(ctx.eventTimers(w)).contains(20L);
    assertThat(trigger.onEventTime(20, w, ctx)).isEqualTo(TriggerResult.FIRE);
    assertThat(trigger.onEventTime(30, w, ctx)).isEqualTo(TriggerResult.FIRE);
    assertThat(ctx.eventTimers(w)).contains(34L);
    assertThat(trigger.onEventTime(34, w, ctx)).isEqualTo(TriggerResult.FIRE);
    assertThat(trigger.onEventTime(25, w, ctx)).as("not a fire time").isEqualTo(TriggerResult.CONTINUE);

    trigger.clear(w, ctx);
    assertThat(ctx.hasState(w)).isFalse();
  }

  @Test
  void when_lateRecordArrives_then_continuousEventTimeTriggerFiresAtOnce() throws Exception {
    ContinuousEventTimeTrigger<TimeWindow> trigger = ContinuousEventTimeTrigger.of(Duration.ofMillis(10));
    TimeWindow w = new TimeWindow(0, 35);
    ctx.watermark = 40;
    assertThat(trigger.onElement("x", 3, w, ctx.at(w))).isEqualTo(TriggerResult.FIRE);
  }

  @Test
  void when_processingTimeAdvances_then_continuousProcessingTimeTriggerFiresAtItsFireTimes() throws Exception {
    ContinuousProcessingTimeTrigger<GlobalWindow> trigger = ContinuousProcessingTimeTrigger.of(Duration.ofMillis(100));
    GlobalWindow w = GlobalWindow.get();
    ctx.processingTime = 1234;
    assertThat(trigger.onElement("x", Long.MIN_VALUE, w, ctx.at(w))).isEqualTo(TriggerResult.CONTINUE);
    assertThat(ctx.processingTimers(w)).containsExactly(1300L);
    assertThat(trigger.onProcessingTime(1250, w, ctx)).isEqualTo(TriggerResult.CONTINUE);
    assertThat(trigger.onProcessingTime(1300, w, ctx)).isEqualTo(TriggerResult.FIRE);
    assertThat(ctx.processingTimers(w)).contains(1400L);
    trigger.clear(w, ctx);
    assertThat(ctx.processingTimers(w)).doesNotContain(1400L);
    assertThat(ctx.hasState(w)).isFalse();
  }

  @Test
  void when_neverTriggerIsAsked_then_itNeverFires() throws Exception {
    NeverTrigger trigger = NeverTrigger.create();
    GlobalWindow w = GlobalWindow.get();
    assertThat(trigger.onElement("x", 0, w, ctx.at(w))).isEqualTo(TriggerResult.CONTINUE);
    assertThat(trigger.onEventTime(Long.MAX_VALUE, w, ctx)).isEqualTo(TriggerResult.CONTINUE);
    assertThat(trigger.onProcessingTime(Long.MAX_VALUE, w, ctx)).isEqualTo(TriggerResult.CONTINUE);
  }

  @Test
  void when_triggerCannotMerge_then_onMergeFails() {
    Trigger<Object, GlobalWindow> plain = new Trigger<>() {
      @Override
      public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext c) {
        return TriggerResult.CONTINUE;
      }

      @Override
      public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext c) {
        return TriggerResult.CONTINUE;
      }

      @Override
      public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext c) {
        return TriggerResult.CONTINUE;
      }

      @Override
      public void clear(GlobalWindow window, TriggerContext c) {}
    };
    assertThat(plain.canMerge()).isFalse();
    assertThatThrownBy(() -> plain.onMerge(GlobalWindow.get(), ctx)).isInstanceOf(UnsupportedOperationException.class);
  }
}
