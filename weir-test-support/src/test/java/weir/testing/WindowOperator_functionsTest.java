package weir.testing;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static weir.testing.WindowTests.describe;
import static weir.testing.WindowTests.feed;
import static weir.testing.WindowTests.keyed;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weir.api.datastream.OutputTag;
import weir.api.functions.Collector;
import weir.api.functions.ReduceFunction;
import weir.api.functions.RichFunction;
import weir.api.functions.RuntimeContext;
import weir.api.state.ValueState;
import weir.api.state.ValueStateDescriptor;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.assigners.TumblingProcessingTimeWindows;
import weir.api.windowing.functions.AllWindowFunction;
import weir.api.windowing.functions.ProcessAllWindowFunction;
import weir.api.windowing.functions.ProcessWindowFunction;
import weir.api.windowing.functions.WindowFunction;
import weir.api.windowing.windows.TimeWindow;
import weir.testing.WindowTests.Concat;
import weir.testing.WindowTests.Count;
import weir.testing.WindowTests.CountOfWindow;
import weir.testing.WindowTests.Describe;

/**
 * The ways a window is evaluated on the window operator: reduce, aggregate, process and apply,
 * the incremental ones followed by a window function, keyed and for all records; the contexts,
 * state and lifecycle of the functions.
 */
class WindowOperator_functionsTest {
  private static final OutputTag<Long> ENDS = OutputTag.of("ends", Long.class);

  /** Emits {@code "k[start,end) n"} from the key, window and elements. */
  static final class Sized<IN> implements WindowFunction<IN, String, String, TimeWindow> {
    @Override
    public void apply(String key, TimeWindow window, Iterable<IN> input, Collector<String> out) {
      List<IN> all = new ArrayList<>();
      input.forEach(all::add);
      out.collect(key + describe(window) + " " + all);
    }
  }

  /** Emits {@code "[start,end) elements"} for a non-keyed window. */
  static final class SizedAll<IN> implements AllWindowFunction<IN, String, TimeWindow> {
    @Override
    public void apply(TimeWindow window, Iterable<IN> input, Collector<String> out) {
      List<IN> all = new ArrayList<>();
      input.forEach(all::add);
      out.collect(describe(window) + " " + all);
    }
  }

  /** Emits {@code "[start,end) value"} for the single value of a non-keyed incremental window. */
  static final class OneValueAll<IN> extends ProcessAllWindowFunction<IN, String, TimeWindow> {
    @Override
    public void process(Context context, Iterable<IN> elements, Collector<String> out) {
      out.collect(describe(context.window()) + " " + elements.iterator().next() + " at " + context.currentWatermark());
    }
  }

  /**
   * Counts its firings per window (window state) and per key (global state), emits both with the
   * watermark, sends the window's end to a side output, and writes down the windows it clears.
   */
  static final class Firings extends ProcessWindowFunction<String, String, String, TimeWindow> {
    static final ValueStateDescriptor<Integer> IN_WINDOW = new ValueStateDescriptor<>("fires-in-window", Integer.class);
    static final ValueStateDescriptor<Integer> OF_KEY = new ValueStateDescriptor<>("fires-of-key", Integer.class);
    final List<String> cleared = new ArrayList<>();

    @Override
    public void process(String key, Context context, Iterable<String> elements, Collector<String> out)
        throws Exception {
      int inWindow = increment(context.windowState().getState(IN_WINDOW));
      int ofKey = increment(context.globalState().getState(OF_KEY));
      out.collect(key + describe(context.window()) + " " + inWindow + "/" + ofKey + " at " + context.currentWatermark());
      context.output(ENDS, context.window().getEnd());
    }

    private static int increment(ValueState<Integer> state) throws Exception {
      Integer n = state.value();
      int next = n == null ? 1 : n + 1;
      state.update(next);
      return next;
    }

    @Override
    public void clear(Context context) {
      context.windowState().getState(IN_WINDOW).clear();
      cleared.add(describe(context.window()));
    }
  }

  /** Emits {@code "k[start,end) at t"}, the processing time of the firing. */
  static final class Clock extends ProcessWindowFunction<String, String, String, TimeWindow> {
    @Override
    public void process(String key, Context context, Iterable<String> elements, Collector<String> out) {
      out.collect(key + describe(context.window()) + " at " + context.currentProcessingTime());
    }
  }

  /** A rich reduce function that counts its opens and closes. */
  static final class RichConcat implements ReduceFunction<String>, RichFunction {
    int opened;
    int closed;
    String operatorName;

    @Override
    public void open(RuntimeContext context) {
      opened++;
      operatorName = context.getOperatorName();
    }

    @Override
    public void close() {
      closed++;
    }

    @Override
    public String reduce(String a, String b) {
      return a + "," + b;
    }
  }

  @Test
  void when_a_window_reduces_then_it_emits_the_reduction_at_the_window_end() throws Exception {
    try (var harness = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(10))).reduce(new Concat()))) {
      feed(harness, "a@1", "b@2", "a@3", "a@12");
      harness.processWatermark(Long.MAX_VALUE);
      assertThat(harness.outputWithTimestamps()).containsExactly(
          TimestampedRecord.of("a@1,a@3", 9), TimestampedRecord.of("b@2", 9), TimestampedRecord.of("a@12", 19));
    }
  }

  @Test
  void when_a_window_aggregates_then_it_emits_the_result_of_the_accumulator() throws Exception {
    try (var harness = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(10))).aggregate(new Count()))) {
      feed(harness, "a@1", "b@2", "a@3");
      harness.processWatermark(9);
      assertThat(harness.outputWithTimestamps()).containsExactly(TimestampedRecord.of(2L, 9), TimestampedRecord.of(1L, 9));
    }
  }

  @Test
  void when_a_window_applies_a_window_function_then_it_gets_key_window_and_all_elements() throws Exception {
    try (var harness = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(10))).apply(new Sized<>()))) {
      feed(harness, "a@1", "a@3");
      harness.processWatermark(9);
      assertThat(harness.output()).containsExactly("a[0,10) [a@1, a@3]");
    }
  }

  @Test
  void when_a_reduce_is_followed_by_a_window_function_then_the_function_gets_the_one_reduced_value()
      throws Exception {
    try (var first = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(10))).reduce(new Concat(), new Describe<>()));
         var second = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(10))).reduce(new Concat(), new Sized<>()))) {
      for (var harness : List.of(first, second)) {
        feed(harness, "a@1", "a@3");
        harness.processWatermark(9);
      }
      assertThat(first.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a[0,10)=a@1,a@3", 9));
      assertThat(second.output()).containsExactly("a[0,10) [a@1,a@3]");
    }
  }

  @Test
  void when_an_aggregate_is_followed_by_a_window_function_then_the_function_gets_the_result() throws Exception {
    try (var first = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(10))).aggregate(new Count(), new CountOfWindow<>()));
         var second = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(10))).aggregate(new Count(), new Sized<>()))) {
      for (var harness : List.of(first, second)) {
        feed(harness, "a@1", "a@3", "b@4");
        harness.processWatermark(9);
      }
      assertThat(first.outputWithTimestamps()).containsExactly(
          TimestampedRecord.of("a[0,10)=2", 9), TimestampedRecord.of("b[0,10)=1", 9));
      assertThat(second.output()).containsExactly("a[0,10) [2]", "b[0,10) [1]");
    }
  }

  @Test
  void when_all_records_are_windowed_then_every_kind_of_evaluation_sees_all_keys() throws Exception {
    TumblingEventTimeWindows tumbling = TumblingEventTimeWindows.of(ofMillis(10));
    try (var reduce = FunctionTestHarness.forWindow(String.class, in -> in.windowAll(tumbling).reduce(new Concat()));
         var aggregate = FunctionTestHarness.forWindow(String.class, in -> in.windowAll(tumbling).aggregate(new Count()));
         var apply = FunctionTestHarness.forWindow(String.class, in -> in.windowAll(tumbling).apply(new SizedAll<>()));
         var reduceThenProcess = FunctionTestHarness.forWindow(String.class,
             in -> in.windowAll(tumbling).reduce(new Concat(), new OneValueAll<>()));
         var aggregateThenApply = FunctionTestHarness.forWindow(String.class,
             in -> in.windowAll(tumbling).aggregate(new Count(), new SizedAll<>()))) {
      for (var harness : List.of(reduce, aggregate, apply, reduceThenProcess, aggregateThenApply)) {
        feed(harness, "a@1", "b@2");
        harness.processWatermark(9);
      }
      assertThat(reduce.outputWithTimestamps()).containsExactly(TimestampedRecord.of("a@1,b@2", 9));
      assertThat(aggregate.output()).containsExactly(2L);
      assertThat(apply.output()).containsExactly("[0,10) [a@1, b@2]");
      assertThat(reduceThenProcess.output()).containsExactly("[0,10) a@1,b@2 at 9");
      assertThat(aggregateThenApply.output()).containsExactly("[0,10) [2]");
    }
  }

  @Test
  void when_a_process_window_function_keeps_state_then_window_state_is_per_window_and_cleared_with_it()
      throws Exception {
    Firings firings = new Firings();
    try (var harness = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(10))).allowedLateness(ofMillis(10))
        .process(firings))) {
      feed(harness, "a@1");
      harness.processWatermark(9);
      feed(harness, "a@2", "b@3", "a@12");
      assertThat(harness.takeOutput()).containsExactly("a[0,10) 1/1 at 9", "a[0,10) 2/2 at 9", "b[0,10) 1/1 at 9");
      assertThat(harness.keyCount("fires-in-window")).isEqualTo(2);
      harness.processWatermark(19);
      assertThat(harness.output()).containsExactly("a[10,20) 1/3 at 19");
      assertThat(firings.cleared).containsExactly("[0,10)", "[0,10)");
      assertThat(harness.keyCount("fires-in-window")).isEqualTo(1);
      harness.processWatermark(29);
      assertThat(firings.cleared).containsExactly("[0,10)", "[0,10)", "[10,20)");
      assertThat(harness.keyCount("fires-in-window")).isZero();
      assertThat(harness.<Integer>keyedState("fires-of-key", "a")).isEqualTo(3);
      assertThat(harness.<Integer>keyedState("fires-of-key", "b")).isEqualTo(1);
      assertThat(harness.sideOutput(ENDS)).containsExactly(10L, 10L, 10L, 20L);
    }
  }

  @Test
  void when_windows_merge_then_a_process_window_function_may_keep_global_state_but_no_window_state()
      throws Exception {
    try (var harness = keyed(s -> s.window(EventTimeSessionWindows.withGap(ofMillis(10))).process(new Firings()))) {
      feed(harness, "a@1");
      assertThatThrownBy(() -> harness.processWatermark(Long.MAX_VALUE))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("Per-window state is not allowed with merging windows");
    }
  }

  @Test
  void when_windows_are_in_processing_time_then_the_function_context_reads_the_clock() throws Exception {
    try (var harness = keyed(s -> s.window(TumblingProcessingTimeWindows.of(ofMillis(10))).process(new Clock()))) {
      harness.setProcessingTime(4);
      harness.processElement("a@4");
      harness.setProcessingTime(25);
      assertThat(harness.output()).containsExactly("a[0,10) at 25");
    }
  }

  @Test
  void when_the_windowing_function_maps_before_the_window_then_the_harness_refuses_it() {
    assertThatThrownBy(() -> FunctionTestHarness.forWindow(String.class, in -> in.map(String::trim)
        .keyBy(WindowTests::key).window(TumblingEventTimeWindows.of(ofMillis(10))).reduce(new Concat())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("may only key the input before windowing it");
    assertThatThrownBy(() -> FunctionTestHarness.forWindow(String.class, in -> in.map(String::trim)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends with a window operation");
  }

  @Test
  void when_the_operator_opens_and_closes_then_so_do_its_rich_functions() throws Exception {
    RichConcat reducer = new RichConcat();
    var harness = keyed(s -> s.window(TumblingEventTimeWindows.of(ofMillis(10))).reduce(reducer, new Describe<>()));
    assertThat(reducer.opened).isEqualTo(1);
    assertThat(reducer.operatorName).startsWith("Window(TumblingEventTimeWindows(10)");
    feed(harness, "a@1", "a@2");
    harness.processWatermark(9);
    assertThat(harness.output()).containsExactly("a[0,10)=a@1,a@2");
    harness.close();
    assertThat(reducer.closed).isEqualTo(1);
  }
}
