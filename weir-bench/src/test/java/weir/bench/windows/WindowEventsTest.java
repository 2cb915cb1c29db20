package weir.bench.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import weir.bench.source.EventSplit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowEventsTest {
  private static final long OUT_OF_ORDERNESS = WindowEvents.OUT_OF_ORDERNESS.toMillis();
  private static final long MAX_JITTER = WindowEvents.MAX_JITTER.toMillis();

  @Test
  void when_generated_then_keysAreInRange_and_timestampsTrailTheirDueTimeByAtMostTheJitter() {
    for (Workload workload : Workload.values()) {
      WindowEvents events = new WindowEvents(workload, 200_000, 1_000, 10_000);
      for (long i = 0; i < events.records(); i++) {
        assertThat(events.key(i)).isBetween(0L, 999L).isEqualTo(events.key(i));
        long due = WindowEvents.ORIGIN_MILLIS + events.dueMillis(i);
        assertThat(events.timestamp(i)).isBetween(due - MAX_JITTER, due);
      }
    }
  }

  @Test
  void when_slidingKeysAreDrawn_then_theyCoverTheKeySpace() {
    WindowEvents events = new WindowEvents(Workload.SLIDING, 1_000_000, 1_000, 10_000);
    long[] hits = new long[1_000];
    for (long i = 0; i < events.records(); i++) {
      hits[(int) events.key(i)]++;
    }
    // 1000 draws per key on average
    assertThat(Arrays.stream(hits).min().getAsLong()).isGreaterThan(850);
    assertThat(Arrays.stream(hits).max().getAsLong()).isLessThan(1150);
  }

  @Test
  void when_splitsArePlanned_then_eachIndexIsReadOnce_inAscendingOrder() {
    WindowEvents events = new WindowEvents(Workload.SLIDING, 1_001, 1_000, 10_000);
    boolean[] read = new boolean[(int) events.records()];
    for (EventSplit split : events.splits(3)) {
      long previous = -1;
      for (long i = split.next(); i < split.end(); i += split.stride()) {
        assertThat(i).isGreaterThan(previous);
        assertThat(read[(int) i]).isFalse();
        read[(int) i] = true;
        previous = i;
      }
    }
    for (boolean r : read) {
      assertThat(r).isTrue();
    }
  }

  @Test
  void when_eachSplitIsWatermarkedWithBoundedOutOfOrderness_then_noEventIsLate() {
    for (Workload workload : Workload.values()) {
      WindowEvents events = new WindowEvents(workload, 500_000, 1_000, 50_000);
      for (EventSplit split : events.splits(2)) {
        long maxSeen = Long.MIN_VALUE;
        for (long i = split.next(); i < split.end(); i += split.stride()) {
          long ts = events.timestamp(i);
          if (maxSeen != Long.MIN_VALUE) {
            // Flink's bounded out-of-orderness watermark: max timestamp - bound - 1
            assertThat(ts).isGreaterThan(maxSeen - OUT_OF_ORDERNESS - 1);
          }
          maxSeen = Math.max(maxSeen, ts);
        }
      }
    }
  }

  @Test
  void when_sessionKeysTakeTurns_then_eachKeyHasSeveralSessionsSeparatedByMoreThanTheGap() {
    // 40 s of event time: five rounds of the four groups
    WindowEvents events = new WindowEvents(Workload.SESSION, 400_000, 1_000, 10_000);
    Map<Long, List<Long>> byKey = new HashMap<>();
    for (long i = 0; i < events.records(); i++) {
      byKey.computeIfAbsent(events.key(i), k -> new ArrayList<>()).add(events.timestamp(i));
    }
    assertThat(byKey).hasSize(1_000);
    long gap = Workload.SESSION_GAP.toMillis();
    long slot = WindowEvents.SESSION_SLOT.toMillis();
    byKey.forEach(
        (key, list) -> {
          long[] ts = list.stream().mapToLong(Long::longValue).sorted().toArray();
          int sessions = 1;
          for (int k = 1; k < ts.length; k++) {
            long silence = ts[k] - ts[k - 1];
            if (silence >= gap) {
              assertThat(silence).isGreaterThan(3 * slot - MAX_JITTER);
              sessions++;
            } else {
              assertThat(silence).isLessThan(slot + MAX_JITTER);
            }
          }
          assertThat(sessions).as("sessions of key %d", key).isEqualTo(5);
        });
  }

  @Test
  void when_theReferenceIsComputed_then_everyEventIsCountedInTheExpectedNumberOfWindows() {
    for (Workload workload : Workload.values()) {
      WindowEvents events = new WindowEvents(workload, 100_000, 100, 10_000);
      ResultChecksum sums = WindowReference.expected(events);
      assertThat(sums.countTotal).isEqualTo(workload.expectedCountTotal(100_000));
    }
  }
}
