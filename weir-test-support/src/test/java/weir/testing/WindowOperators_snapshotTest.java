package weir.testing;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static weir.testing.WindowTests.describe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.KeyedStream;
import weir.api.datastream.OutputTag;
import weir.api.datastream.WindowedStream;
import weir.api.functions.AggregateFunction;
import weir.api.typeinfo.TypeInfo;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.assigners.SlidingEventTimeWindows;
import weir.api.windowing.assigners.TumblingEventTimeWindows;
import weir.api.windowing.windows.TimeWindow;
import weir.runtime.state.KeyGroups;
import weir.testing.WindowTests.Count;
import weir.testing.WindowTests.CountOfWindow;
import weir.testing.WindowTests.Describe;

/**
 * Window state in checkpoints, for each operator {@link weir.runtime.window.WindowOperators}
 * picks: the session operator (sessions open, and fired but kept for their allowed lateness, with
 * accumulators as bytes or as objects), the sliced operator, and the general operator with
 * merging and with aligned windows. Their state and each key's timers are snapshotted key group by
 * key group and restored into fresh operators, at the same or another parallelism; the restored
 * operators then emit, for the rest of the input, exactly what an operator that never stopped
 * emits.
 */
class WindowOperators_snapshotTest {
  private static final OutputTag<String> LATE = OutputTag.of("late", String.class);
  private static final int KEYS = 60;
  private static final long GAP = 10;
  private static final long LATENESS = 15;

  /** The window operations under test, each with the operator it runs on. */
  enum Variant {
    /** The session operator, accumulators kept as bytes. */
    SESSION_AGGREGATE,
    /** The session operator, accumulators kept as objects. */
    SESSION_OBJECTS,
    /** The general operator with a merging assigner. */
    SESSION_PROCESS,
    /** The sliced operator, which takes no allowed lateness. */
    SLIDING_AGGREGATE,
    /** The general operator with aligned windows. */
    TUMBLING_PROCESS;

    Function<DataStream<String>, DataStream<String>> windowing() {
      return in -> {
        KeyedStream<String, String> keyed = in.keyBy(WindowOperators_snapshotTest::keyOf);
        WindowedStream<String, String, TimeWindow> windowed = switch (this) {
          case SESSION_AGGREGATE, SESSION_OBJECTS, SESSION_PROCESS ->
              keyed.window(EventTimeSessionWindows.withGap(ofMillis(GAP))).allowedLateness(ofMillis(LATENESS));
          case SLIDING_AGGREGATE -> keyed.window(SlidingEventTimeWindows.of(ofMillis(3 * GAP), ofMillis(GAP)));
          case TUMBLING_PROCESS ->
              keyed.window(TumblingEventTimeWindows.of(ofMillis(GAP))).allowedLateness(ofMillis(LATENESS));
        };
        windowed = windowed.sideOutputLateData(LATE);
        return switch (this) {
          case SESSION_AGGREGATE, SLIDING_AGGREGATE -> windowed.aggregate(new Count(), new CountOfWindow<>());
          case SESSION_OBJECTS -> windowed.aggregate(new Collect<>());
          case SESSION_PROCESS, TUMBLING_PROCESS -> windowed.process(new Describe<>());
        };
      };
    }
  }

  /**
   * Collects the records of a session in a list whose type it leaves open, so the operator keeps
   * the accumulators as objects; its result lists them in time order.
   */
  static final class Collect<L extends List<String>> implements AggregateFunction<String, L, String> {
    @Override
    @SuppressWarnings("unchecked")
    public L createAccumulator() {
      return (L) new ArrayList<String>();
    }

    @Override
    public L add(String record, L records) {
      records.add(record);
      return records;
    }

    @Override
    public String getResult(L records) {
      return describe(records);
    }

    @Override
    public L merge(L a, L b) {
      a.addAll(b);
      return a;
    }
  }

  /** A step of the input: a record, or a watermark when {@code record} is null. */
  private record Step(String record, long watermark) {}

  static Stream<Arguments> restores() {
    int[][] parallelisms = {{1, 1}, {1, 2}, {2, 1}, {2, 3}, {3, 2}};
    List<Arguments> restores = new ArrayList<>();
    for (Variant variant : Variant.values()) {
      for (int[] p : parallelisms) {
        restores.add(Arguments.of(variant, p[0], p[1]));
      }
    }
    return restores.stream();
  }

  @ParameterizedTest(name = "{0}, parallelism {1} to {2}")
  @MethodSource("restores")
  void when_the_operators_are_restored_from_a_snapshot_then_they_go_on_as_if_never_stopped(Variant variant,
      int before, int after) throws Exception {
    Function<DataStream<String>, DataStream<String>> windowing = variant.windowing();
    Random random = new Random(before * 31L + after);
    long watermarkAtSnapshot = 300;
    List<Step> first = steps(random, 0, watermarkAtSnapshot, Long.MIN_VALUE, watermarkAtSnapshot);
    List<Step> second = steps(random, 250, 600, watermarkAtSnapshot, Long.MAX_VALUE);

    // one operator that never stops
    List<Object> expected = new ArrayList<>();
    List<String> expectedLate;
    try (var whole = harness(windowing, 0, 1, Map.of())) {
      run(List.of(whole), first);
      whole.takeOutput();
      int lateBefore = whole.sideOutput(LATE).size();
      run(List.of(whole), second);
      expected.addAll(whole.outputWithTimestamps());
      expectedLate = whole.sideOutput(LATE).subList(lateBefore, whole.sideOutput(LATE).size());
    }

    // the first part on `before` subtasks, a snapshot of each, the rest on `after` restored subtasks
    Map<Integer, byte[]> snapshot = new HashMap<>();
    List<OneInputHarness<String, String>> old = new ArrayList<>();
    for (int i = 0; i < before; i++) {
      old.add(harness(windowing, i, before, Map.of()));
    }
    run(old, first);
    for (var h : old) {
      snapshot.putAll(h.snapshotKeyedState());
      h.close();
    }
    List<OneInputHarness<String, String>> restored = new ArrayList<>();
    for (int i = 0; i < after; i++) {
      restored.add(harness(windowing, i, after, snapshot));
    }
    for (var h : restored) {
      h.processWatermark(watermarkAtSnapshot); // the watermark is not in the snapshot: it comes back from the input
    }
    run(restored, second);
    List<Object> actual = new ArrayList<>();
    List<String> actualLate = new ArrayList<>();
    for (var h : restored) {
      actual.addAll(h.outputWithTimestamps());
      actualLate.addAll(h.sideOutput(LATE));
      h.close();
    }
    assertThat(expected).isNotEmpty();
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(actualLate).containsExactlyInAnyOrderElementsOf(expectedLate);
  }

  private static OneInputHarness<String, String> harness(Function<DataStream<String>, DataStream<String>> windowing,
      int subtask, int parallelism, Map<Integer, byte[]> restored) throws Exception {
    return FunctionTestHarness.forWindow(TypeInfo.of(String.class), windowing, SubtaskSettings.of(subtask, parallelism),
        restored);
  }

  /**
   * Records of random keys around a time advancing from {@code from} to {@code end}, some late,
   * and watermarks now and then from {@code watermark} on, the last one {@code lastWatermark}.
   */
  private static List<Step> steps(Random random, long from, long end, long watermark, long lastWatermark) {
    List<Step> steps = new ArrayList<>();
    for (long now = from; now < end; now += random.nextInt(3)) {
      if (random.nextInt(8) == 0) {
        watermark = Math.max(watermark, now - random.nextInt(25));
        steps.add(new Step(null, watermark));
      } else {
        long time = Math.max(0, now - random.nextInt(30));
        steps.add(new Step("k" + random.nextInt(KEYS) + "@" + time, 0));
      }
    }
    steps.add(new Step(null, lastWatermark));
    return steps;
  }

  /** Feeds each record to the subtask owning its key, and each watermark to all. */
  private static void run(List<OneInputHarness<String, String>> subtasks, List<Step> steps) throws Exception {
    int maxParallelism = subtasks.get(0).settings().maxParallelism();
    for (Step step : steps) {
      if (step.record() == null) {
        for (var h : subtasks) {
          h.processWatermark(step.watermark());
        }
        continue;
      }
      int keyGroup = KeyGroups.keyGroupOf(keyOf(step.record()), maxParallelism);
      for (var h : subtasks) {
        if (KeyGroups.rangeOf(h.settings().subtaskIndex(), maxParallelism, subtasks.size()).contains(keyGroup)) {
          h.processElement(step.record(), WindowTests.time(step.record()));
        }
      }
    }
  }

  private static String keyOf(String record) {
    return record.substring(0, record.indexOf('@'));
  }
}
