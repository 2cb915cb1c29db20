package weir.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.functions.AbstractRichFunction;
import weir.api.datastream.DataStream;
import weir.api.datastream.StreamExecutionEnvironment;
import weir.api.functions.CoMapFunction;
import weir.api.functions.CoProcessFunction;
import weir.api.functions.Collector;
import weir.api.functions.FlatMapFunction;
import weir.api.functions.KeyedProcessFunction;
import weir.api.functions.MapFunction;
import weir.api.functions.RuntimeContext;
import weir.api.graph.OperatorSpec;
import weir.api.graph.TwoInputTransformation;
import weir.api.state.CheckpointedFunction;
import weir.api.state.FunctionInitializationContext;
import weir.api.state.FunctionSnapshotContext;
import weir.api.state.ListState;
import weir.api.state.ListStateDescriptor;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.runtime.graph.JavaSerialization;

/** {@code CheckpointedFunction} in the operators a job runs, snapshotted and restored through the harness. */
class CheckpointedFunctionTest {
  /** Emits the records in batches of three; the records of an unfinished batch are operator state. */
  static final class Batching extends AbstractRichFunction implements FlatMapFunction<String, List<String>>,
      CheckpointedFunction {
    private final List<String> buffer = new ArrayList<>();
    private transient ListState<String> checkpointed;

    @Override
    public void initializeState(FunctionInitializationContext context) {
      checkpointed = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("buffer", String.class));
      checkpointed.get().forEach(buffer::add);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
      checkpointed.update(buffer);
    }

    @Override
    public void flatMap(String value, Collector<List<String>> out) {
      buffer.add(value);
      if (buffer.size() == 3) {
        out.collect(List.copyOf(buffer));
        buffer.clear();
      }
    }
  }

  /** Records the calls it gets, in order, in a list that the test reads. */
  static final class Lifecycle extends AbstractRichFunction implements MapFunction<String, String>,
      CheckpointedFunction {
    final List<String> calls = new ArrayList<>();

    @Override
    public void initializeState(FunctionInitializationContext context) {
      calls.add("initializeState restored=" + context.isRestored() + " from=" + context.getRestoredCheckpointId());
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
      super.open(context);
      calls.add("open");
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
      calls.add("snapshotState " + context.getCheckpointId() + "@" + context.getCheckpointTimestamp());
    }

    @Override
    public String map(String value) {
      return value;
    }
  }

  /** Keeps a union list of the subtasks it has run on, and writes only its own entry. */
  static final class SubtaskHistory extends AbstractRichFunction implements MapFunction<String, List<String>>,
      CheckpointedFunction {
    private transient ListState<String> history;
    private transient List<String> restored;

    @Override
    public void initializeState(FunctionInitializationContext context) {
      history = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("history", String.class));
      restored = new ArrayList<>();
      history.get().forEach(restored::add);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
      RuntimeContext rc = getRuntimeContext();
      history.update(List.of(rc.getSubtaskIndex() + "/" + rc.getParallelism()));
    }

    /** Answers with what the subtask restored. */
    @Override
    public List<String> map(String value) {
      return restored;
    }
  }

  /** Counts per key in keyed state registered in initializeState. */
  static final class CountPerKey extends KeyedProcessFunction<String, String, String> implements CheckpointedFunction {
    private transient ValueState<Integer> count;

    @Override
    public void initializeState(FunctionInitializationContext context) {
      count = context.getKeyedStateStore().getState(new ValueStateDescriptor<>("count", Integer.class));
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {}

    @Override
    public void processElement(String value, Context<String> ctx, Collector<String> out) {
      int next = count.value() == null ? 1 : count.value() + 1;
      count.update(next);
      out.collect(value + next);
    }
  }

  @Test
  void when_a_harness_starts_then_initializeState_runs_before_open_and_snapshotState_gets_id_and_timestamp()
      throws Exception {
    Lifecycle function = new Lifecycle();
    try (var harness = FunctionTestHarness.forMap(function)) {
      harness.setProcessingTime(1_234);
      HarnessSnapshot snapshot = harness.snapshot(5);
      assertThat(function.calls).containsExactly("initializeState restored=false from=OptionalLong.empty", "open",
          "snapshotState 5@1234");

      Lifecycle restored = new Lifecycle();
      try (var again = FunctionTestHarness.forMap(restored, SubtaskSettings.single().restoredFrom(snapshot))) {
        assertThat(restored.calls).containsExactly("initializeState restored=true from=OptionalLong[5]", "open");
      }
    }
  }

  @Test
  void when_restored_then_the_buffered_records_of_the_unfinished_batch_are_back() throws Exception {
    HarnessSnapshot snapshot;
    try (var harness = FunctionTestHarness.forFlatMap(new Batching())) {
      harness.processElements(List.of("a", "b", "c", "d"));
      assertThat(harness.takeOutput()).containsExactly(List.of("a", "b", "c"));
      snapshot = harness.snapshot(1);
      harness.processElement("lost"); // after the checkpoint: a restore does not see it
    }
    try (var restored = FunctionTestHarness.forFlatMap(new Batching(), SubtaskSettings.single().restoredFrom(snapshot))) {
      restored.processElements(List.of("e", "f"));
      assertThat(restored.output()).containsExactly(List.of("d", "e", "f"));
    }
  }

  @Test
  void when_rescaled_from_two_subtasks_to_three_then_buffered_records_are_split_evenly() throws Exception {
    List<HarnessSnapshot> snapshots = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      try (var harness = FunctionTestHarness.forFlatMap(new Batching(), SubtaskSettings.of(i, 2))) {
        harness.processElements(List.of("s" + i + "a", "s" + i + "b"));
        snapshots.add(harness.snapshot(3));
      }
    }
    List<List<List<String>>> emitted = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      SubtaskSettings settings = SubtaskSettings.of(i, 3).restoredFrom(snapshots.toArray(new HarnessSnapshot[0]));
      try (var harness = FunctionTestHarness.forFlatMap(new Batching(), settings)) {
        harness.processElements(List.of("n" + i + "x", "n" + i + "y"));
        emitted.add(harness.output());
      }
    }
    // the four buffered records, dealt out round robin: two to subtask 0, one each to 1 and 2
    assertThat(emitted).containsExactly(
        List.of(List.of("s0a", "s1b", "n0x")),
        List.of(List.of("s0b", "n1x", "n1y")),
        List.of(List.of("s1a", "n2x", "n2y")));
  }

  @Test
  void when_rescaled_then_union_list_state_reaches_every_subtask_whole() throws Exception {
    List<HarnessSnapshot> snapshots = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      try (var harness = FunctionTestHarness.forMap(new SubtaskHistory(), SubtaskSettings.of(i, 2))) {
        snapshots.add(harness.snapshot(1));
      }
    }
    for (int i = 0; i < 3; i++) {
      SubtaskSettings settings = SubtaskSettings.of(i, 3).restoredFrom(snapshots.toArray(new HarnessSnapshot[0]));
      try (var harness = FunctionTestHarness.forMap(new SubtaskHistory(), settings)) {
        harness.processElement("which");
        assertThat(harness.output()).containsExactly(List.of("0/2", "1/2"));
      }
    }
  }

  @Test
  void when_keyed_state_is_registered_in_initializeState_then_it_is_per_key_and_restored() throws Exception {
    HarnessSnapshot snapshot;
    try (var harness = FunctionTestHarness.forKeyedProcess(new CountPerKey(), (String s) -> s)) {
      harness.processElements(List.of("a", "b", "a"));
      assertThat(harness.output()).containsExactly("a1", "b1", "a2");
      snapshot = harness.snapshot(1);
    }
    try (var restored = FunctionTestHarness.forKeyedProcess(new CountPerKey(), (String s) -> s,
        SubtaskSettings.single().restoredFrom(snapshot))) {
      restored.processElements(List.of("a", "c"));
      assertThat(restored.output()).containsExactly("a3", "c1");
    }
  }

  @Test
  void when_a_function_off_a_keyed_stream_asks_for_keyed_state_in_initializeState_then_it_is_told_to_key_the_stream() {
    assertThatThrownBy(() -> FunctionTestHarness.forMap(new KeyedStateInMap()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not run on a keyed stream");
  }

  /** Asks for keyed state without being keyed. */
  static final class KeyedStateInMap implements MapFunction<String, String>, CheckpointedFunction {
    @Override
    public void initializeState(FunctionInitializationContext context) {
      context.getKeyedStateStore().getState(new ValueStateDescriptor<>("v", String.class));
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {}

    @Override
    public String map(String value) {
      return value;
    }
  }

  /** Counts the records of both inputs in operator state, as a co-map function. */
  static final class CountBoth implements CoMapFunction<String, Integer, Long>, CheckpointedFunction {
    private transient ListState<Long> count;

    @Override
    public void initializeState(FunctionInitializationContext context) {
      count = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("count", Long.class));
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {}

    @Override
    public Long map1(String value) {
      return next();
    }

    @Override
    public Long map2(Integer value) {
      return next();
    }

    private long next() {
      long n = count.get().iterator().hasNext() ? count.get().iterator().next() + 1 : 1;
      count.update(List.of(n));
      return n;
    }
  }

  @Test
  void when_a_co_map_function_is_checkpointed_then_connect_passes_the_state_calls_on_to_it() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createEmbeddedEnvironment(1);
    DataStream<Long> counts = env.fromElements("a").connect(env.fromElements(1)).map(new CountBoth());
    var spec = (OperatorSpec.CoProcess) ((TwoInputTransformation<?, ?, ?>) counts.getTransformation()).getOperation();
    @SuppressWarnings("unchecked")
    var adapter = (CoProcessFunction<String, Integer, Long>) spec.function();
    HarnessSnapshot snapshot;
    try (var harness = FunctionTestHarness.forCoProcess(adapter)) {
      harness.processElement1("a");
      harness.processElement2(1);
      snapshot = harness.snapshot(1);
    }
    try (var restored = FunctionTestHarness.forCoProcess(JavaSerialization.copy(adapter),
        SubtaskSettings.single().restoredFrom(snapshot))) {
      restored.processElement1("b");
      assertThat(restored.output()).containsExactly(3L);
    }
  }
}
