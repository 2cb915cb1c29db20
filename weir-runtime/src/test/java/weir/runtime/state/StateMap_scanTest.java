package weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateMap_scanTest {
  private final StateMap<Object, Object, String> map = new StateMap<>();
  private final StateMap.ScanCursor cursor = new StateMap.ScanCursor();
  private final List<Object> visited = new ArrayList<>();

  private final StateMap.ScanVisitor<Object, Object, String> keepAll = e -> {
    visited.add(e.key());
    return false;
  };

  private void putKeys(int from, int to) {
    for (int i = from; i < to; i++) {
      map.put(i, VoidNamespace.INSTANCE, "v" + i);
    }
  }

  @Test
  void when_scannedStepByStep_then_oneRoundVisitsEveryEntryOnce() {
    putKeys(0, 40);

    for (int step = 0; step < 8; step++) {
      map.scan(cursor, 5, keepAll);
    }

    assertThat(visited).hasSize(40).doesNotHaveDuplicates();
    map.scan(cursor, 5, keepAll);
    assertThat(visited.subList(40, 45)).as("the next round starts over").isEqualTo(visited.subList(0, 5));
  }

  @Test
  void when_limitExceedsSize_then_noEntryIsVisitedTwiceInOneStep() {
    putKeys(0, 3);

    map.scan(cursor, 100, keepAll);

    assertThat(visited).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void when_visitorAsksToRemove_then_entriesAreUnlinkedAndCounted() {
    putKeys(0, 20);

    int removed = map.scan(cursor, 20, e -> ((Integer) e.key()) % 2 == 0);

    assertThat(removed).isEqualTo(10);
    assertThat(map.size()).isEqualTo(10);
    for (int i = 0; i < 20; i++) {
      assertThat(map.get(i, VoidNamespace.INSTANCE)).isEqualTo(i % 2 == 0 ? null : "v" + i);
    }
  }

  @Test
  void when_mapEmpty_then_scanVisitsNothing() {
    assertThat(map.scan(cursor, 5, keepAll)).isZero();
    assertThat(visited).isEmpty();
  }

  @Test
  void when_mapResizesBetweenSteps_then_noOldEntryIsSkipped() {
    putKeys(0, 40);
    map.scan(cursor, 7, keepAll);
    map.scan(cursor, 7, keepAll);

    putKeys(1000, 1400); // several resizes

    Set<Object> seen = new HashSet<>(visited);
    for (int step = 0; step < 200 && !seen.containsAll(range(0, 40)); step++) {
      visited.clear();
      map.scan(cursor, 7, keepAll);
      seen.addAll(visited);
    }
    assertThat(seen).containsAll(range(0, 40));
  }

  @Test
  void when_entryToGoOnWithIsRemovedBetweenSteps_then_scanStillGoesRound() {
    // one chain: all keys share a bucket when their hash codes agree
    record SameHash(int id) {
      @Override
      public int hashCode() {
        return 7;
      }
    }
    for (int i = 0; i < 6; i++) {
      map.put(new SameHash(i), VoidNamespace.INSTANCE, "v" + i);
    }
    map.scan(cursor, 2, keepAll);
    Object next = cursor.next;
    assertThat(next).isNotNull();

    map.remove(((StateMap.Entry<?, ?, ?>) next).key(), VoidNamespace.INSTANCE);
    Set<Object> seen = new HashSet<>(visited);
    for (int step = 0; step < 10; step++) {
      visited.clear();
      map.scan(cursor, 2, keepAll);
      seen.addAll(visited);
    }

    assertThat(seen).hasSize(5);
  }

  @Test
  void when_mapGrewAndEmptied_then_oneStepMovesOverBoundedBuckets() {
    putKeys(0, 10_000);
    for (int i = 0; i < 9_999; i++) {
      map.remove(i, VoidNamespace.INSTANCE);
    }
    cursor.bucket = 0;
    cursor.next = null;

    // the one key left may be far away: a step moves over at most 64 buckets plus 4 per entry it may visit
    int steps = 0;
    while (visited.isEmpty()) {
      int before = cursor.bucket;
      map.scan(cursor, 1, keepAll);
      steps++;
      if (visited.isEmpty()) {
        assertThat(cursor.bucket - before).isBetween(1, 69);
      }
    }
    assertThat(steps).as("the key is not in the first buckets").isGreaterThan(1);
    assertThat(visited).containsExactly(9_999);
  }

  private static List<Object> range(int from, int to) {
    List<Object> keys = new ArrayList<>();
    for (int i = from; i < to; i++) {
      keys.add(i);
    }
    return keys;
  }
}
