package weir.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import weir.runtime.state.KeyGroups;

/**
 * Checks that an operator's snapshot holds everything it needs: runs a script of steps on a
 * harness, snapshots it, and compares what the original emits for the rest of the script with
 * what operators restored from the snapshot emit for it — at the same parallelism, split over two
 * subtasks (each getting the records of the keys it owns), and split over two and then merged back
 * into one. An operator started without the snapshot must emit something else, so that the
 * snapshot is known to have carried state.
 *
 * <p>A step is a record {@code "k@t"} (key {@code k}, timestamp {@code t}, see {@link WindowTests}),
 * for two inputs preceded by {@code "L "} or {@code "R "}, or a watermark {@code "wm t"}.
 * The rest of the script ends with the final watermark.
 */
final class SnapshotRoundTrip<H extends OperatorHarness<?>> {
  /** Makes a new harness. */
  interface Factory<H> {
    H create() throws Exception;
  }

  /** Feeds steps to one kind of harness and restores it. */
  interface Driver<H extends OperatorHarness<?>> {
    void feed(H harness, String record) throws Exception;

    H restore(H from, SubtaskSettings settings, SubtaskSnapshot... snapshots) throws Exception;

    /** Runs steps on the subtasks of one operator: a record on the one owning its key, a watermark on all. */
    default void run(List<H> subtasks, List<String> steps) throws Exception {
      for (String step : steps) {
        if (step.startsWith("wm ")) {
          long watermark = Long.parseLong(step.substring(3));
          for (H subtask : subtasks) {
            subtask.processWatermark(watermark);
          }
        } else {
          feed(owner(subtasks, step), step);
        }
      }
    }

    private H owner(List<H> subtasks, String record) {
      String key = WindowTests.key(record.substring(record.indexOf(' ') + 1));
      for (H subtask : subtasks) {
        SubtaskSettings s = subtask.settings();
        if (KeyGroups.rangeOf(s.subtaskIndex(), s.maxParallelism(), s.parallelism())
            .contains(KeyGroups.keyGroupOf(key, s.maxParallelism()))) {
          return subtask;
        }
      }
      throw new IllegalStateException("No subtask owns key " + key);
    }
  }

  /** Records go to the only input, with their time as timestamp. */
  static final Driver<OneInputHarness<String, ?>> ONE_INPUT = new Driver<>() {
    @Override
    public void feed(OneInputHarness<String, ?> harness, String record) throws Exception {
      harness.processElement(record, WindowTests.time(record));
    }

    @Override
    public OneInputHarness<String, ?> restore(OneInputHarness<String, ?> from, SubtaskSettings settings,
        SubtaskSnapshot... snapshots) throws Exception {
      return from.restore(settings, snapshots);
    }
  };

  /** Records {@code "L k@t"} go to the first input, {@code "R k@t"} to the second, with their time as timestamp. */
  static final Driver<TwoInputHarness<String, String, ?>> TWO_INPUT = new Driver<>() {
    @Override
    public void feed(TwoInputHarness<String, String, ?> harness, String step) throws Exception {
      String record = step.substring(2);
      if (step.startsWith("L ")) {
        harness.processElement1(record, WindowTests.time(record));
      } else if (step.startsWith("R ")) {
        harness.processElement2(record, WindowTests.time(record));
      } else {
        throw new IllegalArgumentException("A step of a two-input operator starts with L or R: " + step);
      }
    }

    @Override
    public TwoInputHarness<String, String, ?> restore(TwoInputHarness<String, String, ?> from,
        SubtaskSettings settings, SubtaskSnapshot... snapshots) throws Exception {
      return from.restore(settings, snapshots);
    }
  };

  private final Factory<H> fresh;
  private final Driver<H> driver;

  /** @param fresh a new harness around the operator under test, playing the only subtask */
  SnapshotRoundTrip(Factory<H> fresh, Driver<H> driver) {
    this.fresh = fresh;
    this.driver = driver;
  }

  /** A round trip of a one-input operator on string records. */
  static SnapshotRoundTrip<OneInputHarness<String, ?>> oneInput(Factory<OneInputHarness<String, ?>> fresh) {
    return new SnapshotRoundTrip<>(fresh, ONE_INPUT);
  }

  /** A round trip of a two-input operator on string records. */
  static SnapshotRoundTrip<TwoInputHarness<String, String, ?>> twoInput(
      Factory<TwoInputHarness<String, String, ?>> fresh) {
    return new SnapshotRoundTrip<>(fresh, TWO_INPUT);
  }

  /** Runs {@code before}, snapshots, and checks every restore against the original on {@code after}. */
  void verify(List<String> before, List<String> after) throws Exception {
    List<String> rest = new ArrayList<>(after);
    rest.add("wm " + Long.MAX_VALUE);
    List<TimestampedRecord<?>> expected;
    SubtaskSnapshot snapshot;
    try (H original = fresh.create()) {
      driver.run(List.of(original), before);
      snapshot = original.snapshot();
      original.takeOutput();
      driver.run(List.of(original), rest);
      expected = outputOf(original);

      try (H same = driver.restore(original, SubtaskSettings.single(), snapshot)) {
        driver.run(List.of(same), rest);
        assertThat(outputOf(same)).as("restored at the same parallelism")
            .containsExactlyInAnyOrderElementsOf(expected);
      }
      assertThat(outputOfTwo(original, snapshot, rest)).as("restored split over two subtasks")
          .containsExactlyInAnyOrderElementsOf(expected);

      H first = driver.restore(original, SubtaskSettings.of(0, 2), snapshot);
      H second = driver.restore(original, SubtaskSettings.of(1, 2), snapshot);
      try (first; second; H merged = driver.restore(original, SubtaskSettings.single(), first.snapshot(),
          second.snapshot())) {
        driver.run(List.of(merged), rest);
        assertThat(outputOf(merged)).as("split over two subtasks, then merged back into one")
            .containsExactlyInAnyOrderElementsOf(expected);
      }
    }
    try (H withoutState = fresh.create()) {
      driver.run(List.of(withoutState), rest);
      assertThat(outputOf(withoutState)).as("the output without the snapshot's state")
          .isNotEqualTo(expected);
    }
  }

  private List<TimestampedRecord<?>> outputOfTwo(H original, SubtaskSnapshot snapshot, List<String> rest)
      throws Exception {
    try (H first = driver.restore(original, SubtaskSettings.of(0, 2), snapshot);
        H second = driver.restore(original, SubtaskSettings.of(1, 2), snapshot)) {
      List<H> subtasks = List.of(first, second);
      driver.run(subtasks, rest);
      assertThat(first.output()).as("output of subtask 0 of 2").isNotEmpty();
      assertThat(second.output()).as("output of subtask 1 of 2").isNotEmpty();
      List<TimestampedRecord<?>> all = outputOf(first);
      all.addAll(outputOf(second));
      return all;
    }
  }

  private static List<TimestampedRecord<?>> outputOf(OperatorHarness<?> harness) {
    return new ArrayList<>(harness.outputWithTimestamps());
  }
}
