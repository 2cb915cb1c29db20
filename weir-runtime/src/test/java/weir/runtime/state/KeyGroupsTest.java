package weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class KeyGroupsTest {
  @Property
  void when_rangesOfAllSubtasks_then_everyKeyGroupCoveredExactlyOnce(
      @ForAll @IntRange(min = 1, max = 4096) int maxParallelism, @ForAll @IntRange(min = 1, max = 4096) int p) {
    assertEveryKeyGroupOwnedOnce(maxParallelism, Math.min(p, maxParallelism));
  }

  @Test
  void when_defaultMaxParallelism_then_everyParallelismCoversEveryKeyGroupOnce() {
    for (int parallelism = 1; parallelism <= 128; parallelism++) {
      assertEveryKeyGroupOwnedOnce(128, parallelism);
    }
  }

  private static void assertEveryKeyGroupOwnedOnce(int maxParallelism, int parallelism) {
    int[] owners = new int[maxParallelism];
    int expectedStart = 0;
    for (int i = 0; i < parallelism; i++) {
      KeyGroupRange range = KeyGroups.rangeOf(i, maxParallelism, parallelism);
      assertThat(range.start()).as("ranges are contiguous and ordered").isEqualTo(expectedStart);
      assertThat(range.size()).as("a subtask owns at least one key group").isPositive();
      for (int g = range.start(); g <= range.end(); g++) {
        owners[g]++;
        assertThat(KeyGroups.subtaskOf(g, maxParallelism, parallelism)).isEqualTo(i);
      }
      expectedStart = range.end() + 1;
    }
    assertThat(expectedStart).isEqualTo(maxParallelism);
    assertThat(owners).containsOnly(1);
  }

  @Property
  void when_keyGroupOfAnyKey_then_withinMaxParallelism(
      @ForAll String key, @ForAll @IntRange(min = 1, max = 32768) int maxParallelism) {
    int group = KeyGroups.keyGroupOf(key, maxParallelism);

    assertThat(group).isBetween(0, maxParallelism - 1);
    assertThat(KeyGroups.keyGroupOf(key, maxParallelism)).isEqualTo(group);
  }

  @Test
  void when_smallIntegerKeys_then_spreadOverKeyGroups() {
    int[] perGroup = new int[128];
    for (int key = 0; key < 128 * 100; key++) {
      perGroup[KeyGroups.keyGroupOf(key, 128)]++;
    }

    assertThat(Arrays.stream(perGroup).min().orElseThrow()).isGreaterThan(50);
    assertThat(Arrays.stream(perGroup).max().orElseThrow()).isLessThan(150);
  }

  @Test
  void when_parallelismExceedsMaxParallelism_then_failsNamingBoth() {
    assertThatThrownBy(() -> KeyGroups.rangeOf(0, 4, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Parallelism 8 exceeds the max parallelism 4");
  }
}
