package weir.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weir.api.functions.AggregateFunction;
import weir.api.functions.Collector;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.AggregatingState;
import weir.api.state.AggregatingStateDescriptor;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.MapState;
import weir.api.state.MapStateDescriptor;
import weir.api.state.ReducingState;
import weir.api.state.ReducingStateDescriptor;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.runtime.state.KeyGroups;

class KeyedProcessOperatorTest {
  /** A word and how often it was seen, as one record. */
  record Word(String text, int weight) {}

  /** Longest text length so far. */
  static final class MaxLength implements AggregateFunction<String, int[], Integer> {
    @Override
    public int[] createAccumulator() {
      return new int[1];
    }

    @Override
    public int[] add(String value, int[] acc) {
      acc[0] = Math.max(acc[0], value.length());
      return acc;
    }

    @Override
    public Integer getResult(int[] acc) {
      return acc[0];
    }

    @Override
    public int[] merge(int[] a, int[] b) {
      return new int[] {Math.max(a[0], b[0])};
    }
  }

  /** Keeps one state of every kind per key and emits a summary of the key's state per record. */
  static final class EveryStateKind extends KeyedProcessFunction<String, Word, String> {
    private transient ValueState<Long> count;
    private transient ListState<Integer> weights;
    private transient MapState<Integer, Long> perWeight;
    private transient ReducingState<Integer> total;
    private transient AggregatingState<String, Integer> maxLength;

    @Override
    public void open(RuntimeContext context) throws Exception {
      super.open(context);
      count = context.getState(new ValueStateDescriptor<>("count", Long.class));
      weights = context.getListState(new ListStateDescriptor<>("weights", Integer.class));
      perWeight = context.getMapState(new MapStateDescriptor<>("perWeight", Integer.class, Long.class));
      total = context.getReducingState(new ReducingStateDescriptor<>("total", Integer::sum, Integer.class));
      maxLength = context.getAggregatingState(new AggregatingStateDescriptor<>("maxLength", new MaxLength(), int[].class));
    }

    @Override
    public void processElement(Word word, Context<String> ctx, Collector<String> out) {
      Long seen = count.value();
      count.update(seen == null ? 1 : seen + 1);
      weights.add(word.weight());
      Long n = perWeight.get(word.weight());
      perWeight.put(word.weight(), n == null ? 1 : n + 1);
      total.add(word.weight());
      maxLength.add(word.text());
      out.collect(ctx.getCurrentKey() + ":" + count.value() + ":" + total.get() + ":" + maxLength.get());
    }
  }

  private static Word word(String text, int weight) {
    return new Word(text, weight);
  }

  @Test
  void when_everyStateKindUsed_then_eachScopedToRecordKey() throws Exception {
    try (var harness = FunctionTestHarness.forKeyedProcess(new EveryStateKind(), (Word w) -> w.text().substring(0, 1))) {
      harness.processElements(List.of(word("apple", 2), word("bee", 1), word("avocado", 2), word("ant", 5)));

      assertThat(harness.output()).containsExactly("a:1:2:5", "b:1:1:3", "a:2:4:7", "a:3:9:7");
      assertThat(harness.<Long>keyedState("count", "a")).isEqualTo(3L);
      assertThat(harness.<Long>keyedState("count", "b")).isEqualTo(1L);
      assertThat(harness.<List<Integer>>keyedState("weights", "a")).containsExactly(2, 2, 5);
      assertThat(harness.<Map<Integer, Long>>keyedState("perWeight", "a")).isEqualTo(Map.of(2, 2L, 5, 1L));
      assertThat(harness.<Integer>keyedState("total", "b")).isEqualTo(1);
      assertThat(harness.<int[]>keyedState("maxLength", "a")).containsExactly(7);
      assertThat(harness.<Long>keyedState("count", "z")).isNull();
      assertThat(harness.keyCount("count")).isEqualTo(2);
      assertThat(harness.keyCount("weights")).isEqualTo(2);
    }
  }

  /** Counts per key and forgets a key when it sees "reset". */
  static final class CountWithReset extends KeyedProcessFunction<String, String, Long> {
    private transient ValueState<Long> count;

    @Override
    public void open(RuntimeContext context) throws Exception {
      super.open(context);
      count = context.getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(String value, Context<String> ctx, Collector<Long> out) {
      if (value.endsWith("reset")) {
        count.clear();
        return;
      }
      long next = count.value() == null ? 1 : count.value() + 1;
      count.update(next);
      out.collect(next);
    }
  }

  @Test
  void when_stateCleared_then_keyCountDropsAndCountRestarts() throws Exception {
    try (var harness = FunctionTestHarness.forKeyedProcess(new CountWithReset(), (String s) -> s.substring(0, 1))) {
      harness.processElements(List.of("a", "b", "a", "a-reset"));
      assertThat(harness.keyCount("count")).isEqualTo(1);
      assertThat(harness.<Long>keyedState("count", "a")).isNull();

      harness.processElement("a");

      assertThat(harness.output()).containsExactly(1L, 1L, 2L, 1L);
    }
  }

  @Test
  void when_unknownStateAsked_then_failsNamingIt() throws Exception {
    try (var harness = FunctionTestHarness.forKeyedProcess(new CountWithReset(), (String s) -> s)) {
      assertThatThrownBy(() -> harness.keyedState("counter", "a"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no keyed state named 'counter'");
    }
  }

  @Test
  void when_subtaskOfFourGetsItsOwnKey_then_processed_and_foreignKeyFailsAsInAJob() throws Exception {
    SubtaskSettings settings = SubtaskSettings.of(1, 4).withMaxParallelism(16);
    String own = keyOwnedBy(1, settings);
    String foreign = keyOwnedBy(2, settings);
    try (var harness = FunctionTestHarness.forKeyedProcess(new CountWithReset(), (String s) -> s, settings)) {
      harness.processElement(own);

      assertThat(harness.output()).containsExactly(1L);
      assertThat(harness.<Long>keyedState("count", own)).isEqualTo(1L);
      assertThatThrownBy(() -> harness.processElement(foreign))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Key '" + foreign + "'")
          .hasMessageContaining("owns key groups 4..7");
      assertThatThrownBy(() -> harness.keyedState("count", foreign))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("does not own");
    }
  }

  private static String keyOwnedBy(int subtask, SubtaskSettings settings) {
    for (int i = 0; ; i++) {
      String key = "k" + i;
      int group = KeyGroups.keyGroupOf(key, settings.maxParallelism());
      if (KeyGroups.subtaskOf(group, settings.maxParallelism(), settings.parallelism()) == subtask) {
        return key;
      }
    }
  }
}
