package weir.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimerHeapTest {
  @Test
  void when_timers_are_set_twice_or_deleted_then_each_remaining_one_comes_out_once_in_time_order() {
    TimerHeap<String> heap = new TimerHeap<>();
    assertThat(heap.add(30, "a", "n")).isTrue();
    assertThat(heap.add(10, "b", "n")).isTrue();
    assertThat(heap.add(10, "b", "n")).isFalse();
    assertThat(heap.add(20, "a", "n")).isTrue();
    assertThat(heap.add(10, "a", "n")).isTrue();
    assertThat(heap.remove(20, "a", "n")).isTrue();
    assertThat(heap.remove(20, "a", "n")).isFalse();
    List<String> order = new ArrayList<>();
    for (TimerHeap.Timer<String> t = heap.poll(); t != null; t = heap.poll()) {
      order.add(t.time() + t.key().toString());
    }
    // equal times come out in the order they were set
    assertThat(order).containsExactly("10b", "10a", "30a");
  }

  @Test
  void when_random_operations_run_then_the_heap_agrees_with_a_sorted_reference() {
    Random random = new Random(42);
    TimerHeap<Integer> heap = new TimerHeap<>();
    PriorityQueue<Long> reference = new PriorityQueue<>();
    java.util.Set<Long> set = new java.util.HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      long time = random.nextInt(500);
      if (random.nextInt(3) == 0) {
        assertThat(heap.remove(time, "k", 0)).isEqualTo(set.remove(time));
        reference.remove(time);
      } else if (random.nextInt(5) == 0) {
        TimerHeap.Timer<Integer> t = heap.poll();
        Long expected = reference.poll();
        assertThat(t == null ? null : t.time()).isEqualTo(expected);
        if (expected != null) {
          set.remove(expected);
        }
      } else {
        assertThat(heap.add(time, "k", 0)).isEqualTo(set.add(time));
        if (set.contains(time) && !reference.contains(time)) {
          reference.add(time);
        }
      }
      assertThat(heap.size()).isEqualTo(reference.size());
      assertThat(heap.nextTime()).isEqualTo(reference.isEmpty() ? Long.MAX_VALUE : reference.peek());
    }
  }
}
