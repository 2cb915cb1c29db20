package weir.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowSnippetsTest {
  private static final int CLICKS = 1_400;

  private static long sumOfCounts(List<String> results) {
    return results.stream().mapToLong(r -> Long.parseLong(r.substring(r.lastIndexOf(' ') + 1))).sum();
  }

  @Test
  void when_counting_per_minute_then_every_click_is_counted_once() throws Exception {
    // clicks are at most 2 s out of order, within the watermark's bound: none is late
    assertThat(sumOfCounts(WindowSnippets.tumbling(CLICKS))).isEqualTo(CLICKS);
  }

  @Test
  void when_counting_over_the_last_minute_every_ten_seconds_then_every_click_is_counted_six_times()
      throws Exception {
    assertThat(sumOfCounts(WindowSnippets.sliding(CLICKS))).isEqualTo(6L * CLICKS);
  }

  @Test
  void when_users_never_pause_for_30_s_then_each_has_one_visit_with_all_its_clicks() throws Exception {
    List<String> visits = WindowSnippets.sessions(CLICKS);
    assertThat(visits).hasSize(7).allMatch(v -> v.contains(" visited " + CLICKS / 7 + " pages"));
  }

  @Test
  void when_joining_clicks_with_the_previous_half_second_then_the_pairs_match_a_nested_loop() throws Exception {
    List<String> expected = new ArrayList<>();
    for (long i = 0; i < CLICKS; i++) {
      for (long j = 0; j < CLICKS; j++) {
        long ti = time(i);
        long tj = time(j);
        if (i % 7 == j % 7 && tj >= ti - 500 && tj < ti) {
          expected.add("/page/" + i % 3 + " after /page/" + j % 3);
        }
      }
    }
    assertThat(WindowSnippets.intervalJoin(CLICKS)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void when_joining_in_ten_second_windows_then_each_user_pairs_its_clicks_of_each_window() throws Exception {
    List<String> expected = new ArrayList<>();
    for (long i = 0; i < CLICKS; i++) {
      for (long j = 0; j < CLICKS; j++) {
        if (i % 7 == j % 7 && Math.floorDiv(time(i), 10_000) == Math.floorDiv(time(j), 10_000)) {
          expected.add("user-" + i % 7 + ": /page/" + i % 3 + " and /page/" + j % 3);
        }
      }
    }
    assertThat(WindowSnippets.windowJoin(CLICKS)).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static long time(long i) {
    return i * 100 - (i * 7919) % 2000;
  }
}
