package weir.testing;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static weir.testing.WindowTests.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weir.api.datastream.DataStream;
import weir.api.datastream.OutputTag;
import weir.api.datastream.WindowedStream;
import weir.api.functions.AggregateFunction;
import weir.api.typeinfo.TypeInfo;
import weir.api.windowing.assigners.EventTimeSessionWindows;
import weir.api.windowing.windows.TimeWindow;
import weir.runtime.window.SessionWindowOperator;
import weir.testing.WindowTests.Count;
import weir.testing.WindowTests.CountOfWindow;

/**
 * The session operator's state in checkpoints: sessions (open, and fired but kept for their
 * allowed lateness), accumulators and each key's timer are snapshotted key group by key group and
 * restored into fresh operators, at the same or another parallelism; the restored operators then
 * emit, for the rest of the input, exactly what an operator that never stopped emits.
 */
class SessionWindowOperator_snapshotTest {
  private static final OutputTag<String> LATE = OutputTag.of("late", String.class);
  // one letter per key, as WindowTests reads keys
  private static final String KEYS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final long GAP = 10;
  private static final long LATENESS = 15;

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

  @ParameterizedTest(name = "parallelism {0} to {1}, accumulators as {2}")
  @CsvSource({"1, 1, bytes", "1, 2, bytes", "2, 1, bytes", "2, 3, bytes", "3, 2, objects", "1, 4, objects"})
  void when_the_operators_are_restored_from_a_snapshot_then_they_go_on_as_if_never_stopped(int before, int after,
      String accumulators) throws Exception {
    Function<DataStream<String>, DataStream<String>> windowing = in -> {
      WindowedStream<String, String, TimeWindow> windowed = in.keyBy(WindowTests::key)
          .window(EventTimeSessionWindows.withGap(ofMillis(GAP))).allowedLateness(ofMillis(LATENESS))
          .sideOutputLateData(LATE);
      return accumulators.equals("bytes") ? windowed.aggregate(new Count(), new CountOfWindow<>())
          : windowed.aggregate(new Collect<>());
    };
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
    long sessionsBefore = 0;
    for (int i = 0; i < before; i++) {
      snapshots[i] = old.get(i).snapshot();
      sessionsBefore += old.get(i).keyCount(SessionWindowOperator.SESSIONS_STATE);
    }
    assertThat(sessionsBefore).as("keys with sessions in the snapshot").isPositive();
    List<OneInputHarness<String, ?>> restored = new ArrayList<>();
    for (int i = 0; i < after; i++) {
      restored.add(old.get(0).restore(SubtaskSettings.of(i, after), snapshots));
    }
    for (var h : old) {
      h.close();
    }
    long sessionsAfter = 0;
    for (var h : restored) {
      sessionsAfter += h.keyCount(SessionWindowOperator.SESSIONS_STATE);
      h.processWatermark(watermarkAtSnapshot); // the watermark is not in the snapshot: it comes back from the input
    }
    assertThat(sessionsAfter).isEqualTo(sessionsBefore);
    SnapshotRoundTrip.ONE_INPUT.run(restored, second);
    List<Object> actual = new ArrayList<>();
    List<String> actualLate = new ArrayList<>();
    for (var h : restored) {
      actual.addAll(h.outputWithTimestamps());
      actualLate.addAll(h.sideOutput(LATE));
      assertThat(h.keyCount(SessionWindowOperator.SESSIONS_STATE)).isZero();
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
