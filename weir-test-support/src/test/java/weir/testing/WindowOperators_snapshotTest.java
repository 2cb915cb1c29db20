package weir.testing;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static weir.testing.WindowTests.describe;

import java.util.ArrayList;
import java.util.List;
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
import weir.testing.WindowTests.Count;
import weir.testing.WindowTests.CountOfWindow;
import weir.testing.WindowTests.Describe;

/**
 * Window state in checkpoints, for each operator {@link weir.runtime.window.WindowOperators}
 * picks: the session operator (sessions open, and fired but kept for their allowed lateness, with
 * accumulators as bytes or as objects), the sliced operator, and the general operator with
 * merging and with aligned windows. Their state and each key's timers are snapshotted key group by
 * key group and restored into fresh operators, at the same or another parallelism; the restored
 * operators then emit, for the rest of a random input with late records, exactly what an operator
 * that never stopped emits. {@link WindowOperator_snapshotTest} checks every kind of window on a
 * fixed script, split over two subtasks and merged back.
 */
class WindowOperators_snapshotTest {
  private static final OutputTag<String> LATE = OutputTag.of("late", String.class);
  // one letter per key, as WindowTests reads keys
  private static final String KEYS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
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
        KeyedStream<String, String> keyed = in.keyBy(WindowTests::key);
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
    List<String> first = steps(random, 0, watermarkAtSnapshot, Long.MIN_VALUE, watermarkAtSnapshot);
    List<String> second = steps(random, 250, 600, watermarkAtSnapshot, Long.MAX_VALUE);

    // one operator that never stops
    List<Object> expected = new ArrayList<>();
    List<String> expectedLate;
    try (OneInputHarness<String, ?> whole = harness(windowing, 0, 1)) {
      SnapshotRoundTrip.ONE_INPUT.run(List.of(whole), first);
      whole.takeOutput();
      int lateBefore = whole.sideOutput(LATE).size();
      SnapshotRoundTrip.ONE_INPUT.run(List.of(whole), second);
      expected.addAll(whole.outputWithTimestamps());
      expectedLate = whole.sideOutput(LATE).subList(lateBefore, whole.sideOutput(LATE).size());
    }

    // the first part on `before` subtasks, a snapshot of each, the rest on `after` restored subtasks
    List<OneInputHarness<String, ?>> old = new ArrayList<>();
    for (int i = 0; i < before; i++) {
      old.add(harness(windowing, i, before));
    }
    SnapshotRoundTrip.ONE_INPUT.run(old, first);
    SubtaskSnapshot[] snapshots = new SubtaskSnapshot[before];
    for (int i = 0; i < before; i++) {
      snapshots[i] = old.get(i).snapshot();
    }
    List<OneInputHarness<String, ?>> restored = new ArrayList<>();
    for (int i = 0; i < after; i++) {
      restored.add(old.get(0).restore(SubtaskSettings.of(i, after), snapshots));
    }
    for (var h : old) {
      h.close();
    }
    for (var h : restored) {
      h.processWatermark(watermarkAtSnapshot); // the watermark is not in the snapshot: it comes back from the input
    }
    SnapshotRoundTrip.ONE_INPUT.run(restored, second);
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

  private static OneInputHarness<String, ?> harness(Function<DataStream<String>, DataStream<String>> windowing,
      int subtask, int parallelism) throws Exception {
    return FunctionTestHarness.forWindow(TypeInfo.of(String.class), windowing, SubtaskSettings.of(subtask, parallelism));
  }

  /**
   * Steps of {@link SnapshotRoundTrip}: records of random keys around a time advancing from
   * {@code from} to {@code end}, some late, and watermarks now and then from {@code watermark} on,
   * the last one {@code lastWatermark}.
   */
  private static List<String> steps(Random random, long from, long end, long watermark, long lastWatermark) {
    List<String> steps = new ArrayList<>();
    for (long now = from; now < end; now += random.nextInt(3)) {
      if (random.nextInt(8) == 0) {
        watermark = Math.max(watermark, now - random.nextInt(25));
        steps.add("wm " + watermark);
      } else {
        long time = Math.max(0, now - random.nextInt(30));
        steps.add(KEYS.charAt(random.nextInt(KEYS.length())) + "@" + time);
      }
    }
    steps.add("wm " + lastWatermark);
    return steps;
  }
}
