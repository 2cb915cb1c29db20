package weir.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import weir.api.datastream.OutputTag;
import weir.api.functions.BroadcastProcessFunction;
import weir.api.functions.Collector;
import weir.api.functions.KeyedBroadcastProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.functions.TimeDomain;
import weir.api.state.BroadcastState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ReadOnlyBroadcastState;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.runtime.state.KeyGroups;

/** The broadcast state pattern in its two operators, driven step by step. */
class BroadcastProcessOperatorsTest {
  private static final MapStateDescriptor<String, Integer> THRESHOLDS =
      new MapStateDescriptor<>("thresholds", String.class, Integer.class);
  private static final OutputTag<Integer> UNRULED = OutputTag.of("unruled", Integer.class);

  /** A named threshold. */
  record Rule(String name, int min) {}

  /** A keyed event with a value. */
  record Event(String key, int value) {}

  /** Emits, per value, the names of the thresholds it reaches; values before any rule go to a side output. */
  static final class Thresholds extends BroadcastProcessFunction<Integer, Rule, String> {
    @Override
    public void processElement(Integer value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      ReadOnlyBroadcastState<String, Integer> rules = ctx.getBroadcastState(THRESHOLDS);
      if (!rules.immutableEntries().iterator().hasNext()) {
        ctx.output(UNRULED, value);
        return;
      }
      TreeMap<String, Integer> sorted = new TreeMap<>();
      rules.immutableEntries().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      sorted.forEach((name, min) -> {
        if (value >= min) {
          out.collect(value + ">=" + name);
        }
      });
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out) throws Exception {
      ctx.getBroadcastState(THRESHOLDS).put(rule.name(), rule.min());
    }
  }

  /** Tells whether the state each side gets can change the broadcast state. */
  static final class Writability extends BroadcastProcessFunction<String, String, String> {
    @Override
    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) {
      out.collect("element side writable: " + (ctx.getBroadcastState(THRESHOLDS) instanceof BroadcastState));
    }

    @Override
    public void processBroadcastElement(String value, Context ctx, Collector<String> out) {
      out.collect("broadcast side writable: " + (ctx.getBroadcastState(THRESHOLDS) instanceof BroadcastState));
    }
  }

  /** Asks for a broadcast state that was not declared. */
  static final class Undeclared extends BroadcastProcessFunction<String, String, String> {
    @Override
    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) {}

    @Override
    public void processBroadcastElement(String value, Context ctx, Collector<String> out) {
      ctx.getBroadcastState(new MapStateDescriptor<>("limits", String.class, Long.class));
    }
  }

  /**
   * Counts events per key; an event reaching its key's threshold is reported, and sets a timer
   * ten ms on. A new rule reports and resets every key's count through applyToKeyedState.
   */
  static final class CountAgainstRules extends KeyedBroadcastProcessFunction<String, Event, Rule, String> {
    static final ValueStateDescriptor<Integer> COUNT = new ValueStateDescriptor<>("count", Integer.class);
    private transient ValueState<Integer> count;

    @Override
    public void open(RuntimeContext context) throws Exception {
      super.open(context);
      count = context.getState(COUNT);
    }

    @Override
    public void processElement(Event event, ReadOnlyContext<String> ctx, Collector<String> out) throws Exception {
      int next = count.value() == null ? 1 : count.value() + 1;
      count.update(next);
      Integer min = ctx.getBroadcastState(THRESHOLDS).get(ctx.getCurrentKey());
      if (min != null && event.value() >= min) {
        out.collect(ctx.getCurrentKey() + " reached " + min + " at count " + next);
        ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
      }
    }

    @Override
    public void processBroadcastElement(Rule rule, Context<String> ctx, Collector<String> out) throws Exception {
      ctx.getBroadcastState(THRESHOLDS).put(rule.name(), rule.min());
      ctx.applyToKeyedState(COUNT, (key, state) -> {
        out.collect("rule " + rule.name() + " sees " + key + "=" + state.value());
        state.clear();
      });
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) throws Exception {
      out.collect("timer " + ctx.getCurrentKey() + "@" + timestamp + " " + ctx.timeDomain() + " threshold "
          + ctx.getBroadcastState(THRESHOLDS).get(ctx.getCurrentKey()) + " count " + count.value());
    }
  }

  /** Touches keyed state directly on the broadcast side, where no key is current. */
  static final class KeyedStateOnBroadcastSide extends KeyedBroadcastProcessFunction<String, Event, Rule, String> {
    private transient ValueState<Integer> count;

    @Override
    public void open(RuntimeContext context) throws Exception {
      super.open(context);
      count = context.getState(CountAgainstRules.COUNT);
    }

    @Override
    public void processElement(Event event, ReadOnlyContext<String> ctx, Collector<String> out) throws Exception {
      count.update(1);
    }

    @Override
    public void processBroadcastElement(Rule rule, Context<String> ctx, Collector<String> out) throws Exception {
      count.update(0);
    }
  }

  @Test
  void when_rules_are_broadcast_then_elements_read_them_and_elements_before_any_rule_go_to_the_side_output()
      throws Exception {
    try (var harness = FunctionTestHarness.forBroadcastProcess(new Thresholds(), THRESHOLDS)) {
      harness.processElement1(5);
      harness.processElement2(new Rule("low", 3));
      harness.processElement2(new Rule("high", 10));
      harness.processElement1(5);
      harness.processElement1(12);
      harness.processElement2(new Rule("high", 4));
      harness.processElement1(5);
      assertThat(harness.output()).containsExactly("5>=low", "12>=high", "12>=low", "5>=high", "5>=low");
      assertThat(harness.sideOutput(UNRULED)).containsExactly(5);
    }
  }

  @Test
  void when_the_element_side_gets_the_broadcast_state_then_it_is_read_only() throws Exception {
    try (var harness = FunctionTestHarness.forBroadcastProcess(new Writability(), THRESHOLDS)) {
      harness.processElement1("a");
      harness.processElement2("b");
      assertThat(harness.output()).containsExactly("element side writable: false", "broadcast side writable: true");
    }
  }

  @Test
  void when_a_function_asks_for_an_undeclared_broadcast_state_then_the_message_names_the_declared_ones()
      throws Exception {
    try (var harness = FunctionTestHarness.forBroadcastProcess(new Undeclared(), THRESHOLDS)) {
      assertThatThrownBy(() -> harness.processElement2("x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no broadcast state 'limits'")
          .hasMessageContaining("thresholds")
          .hasMessageContaining("broadcast(...)");
    }
  }

  @Test
  void when_a_rule_arrives_then_applyToKeyedState_visits_every_key_with_state() throws Exception {
    try (var harness = FunctionTestHarness.forKeyedBroadcastProcess(new CountAgainstRules(), Event::key,
        THRESHOLDS)) {
      harness.processElement1(new Event("a", 1), 1);
      harness.processElement1(new Event("a", 1), 2);
      harness.processElement1(new Event("b", 1), 3);
      harness.processElement2(new Rule("a", 5));
      assertThat(harness.takeOutput()).containsExactlyInAnyOrder("rule a sees a=2", "rule a sees b=1");
      assertThat(harness.keyCount(CountAgainstRules.COUNT.getName())).isZero();
      harness.processElement1(new Event("a", 7), 20);
      harness.processElement1(new Event("b", 7), 21);
      assertThat(harness.takeOutput()).containsExactly("a reached 5 at count 1");
    }
  }

  @Test
  void when_a_timer_fires_then_onTimer_has_the_key_and_reads_the_broadcast_state() throws Exception {
    try (var harness = FunctionTestHarness.forKeyedBroadcastProcess(new CountAgainstRules(), Event::key,
        THRESHOLDS)) {
      harness.processElement2(new Rule("a", 5));
      harness.processElement1(new Event("a", 9), 100);
      harness.processWatermark(109);
      assertThat(harness.takeOutput()).containsExactly("a reached 5 at count 1");
      harness.processWatermark(110);
      assertThat(harness.outputWithTimestamps()).containsExactly(
          TimestampedRecord.of("timer a@110 " + TimeDomain.EVENT_TIME + " threshold 5 count 1", 110));
    }
  }

  @Test
  void when_keyed_state_is_used_directly_on_the_broadcast_side_then_the_message_points_to_applyToKeyedState()
      throws Exception {
    try (var harness = FunctionTestHarness.forKeyedBroadcastProcess(new KeyedStateOnBroadcastSide(), Event::key,
        THRESHOLDS)) {
      harness.processElement1(new Event("a", 1));
      assertThatThrownBy(() -> harness.processElement2(new Rule("a", 1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no key is current")
          .hasMessageContaining("applyToKeyedState");
      assertThat(harness.<Integer>keyedState(CountAgainstRules.COUNT.getName(), "a")).isEqualTo(1);
    }
  }

  @Test
  void when_rescaled_from_two_subtasks_to_three_then_every_subtask_has_the_rules_and_keyed_state_follows_its_keys()
      throws Exception {
    int maxParallelism = 8;
    List<HarnessSnapshot> snapshots = new ArrayList<>();
    Map<String, Integer> owner = new TreeMap<>();
    for (int i = 0; i < 2; i++) {
      SubtaskSettings settings = SubtaskSettings.of(i, 2).withMaxParallelism(maxParallelism);
      try (var harness = FunctionTestHarness.forKeyedBroadcastProcess(new CountAgainstRules(), Event::key, settings,
          THRESHOLDS)) {
        harness.processElement2(new Rule("k1", 100));
        harness.processElement2(new Rule("k2", 100));
        for (String key : List.of("k1", "k2", "k3", "k4", "k5", "k6")) {
          if (owns(key, settings)) {
            harness.processElement1(new Event(key, 1), 1);
            owner.put(key, i);
          }
        }
        snapshots.add(harness.snapshot(4));
      }
    }
    assertThat(owner).hasSize(6);
    List<String> seen = new ArrayList<>();
    List<String> reset = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      SubtaskSettings settings = SubtaskSettings.of(i, 3).withMaxParallelism(maxParallelism)
          .restoredFrom(snapshots.toArray(new HarnessSnapshot[0]));
      try (var harness = FunctionTestHarness.forKeyedBroadcastProcess(new CountAgainstRules(), Event::key, settings,
          THRESHOLDS)) {
        // the rule set restored on every subtask: each key already has its threshold of 100
        for (String key : owner.keySet()) {
          if (owns(key, settings)) {
            harness.processElement1(new Event(key, 100), 2);
          }
        }
        // the count restored with the key: k1 and k2 reach their threshold at their second event
        seen.addAll(harness.takeOutput());
        harness.processElement2(new Rule("new", 1));
        reset.addAll(harness.takeOutput());
      }
    }
    assertThat(seen).containsExactlyInAnyOrder("k1 reached 100 at count 2", "k2 reached 100 at count 2");
    assertThat(reset).containsExactlyInAnyOrder("rule new sees k1=2", "rule new sees k2=2", "rule new sees k3=2",
        "rule new sees k4=2", "rule new sees k5=2", "rule new sees k6=2");
  }

  private static boolean owns(String key, SubtaskSettings settings) {
    int keyGroup = KeyGroups.keyGroupOf(key, settings.maxParallelism());
    return KeyGroups.rangeOf(settings.subtaskIndex(), settings.maxParallelism(),
        settings.parallelism()).contains(keyGroup);
  }
}
