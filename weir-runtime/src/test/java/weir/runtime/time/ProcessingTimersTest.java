package weir.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessingTimersTest {
  /** Waits for one time, and records the processing time it was fired at. */
  static final class OneTimer implements ProcessingTimeListener {
    long due;
    final List<Long> firedAt = new ArrayList<>();

    OneTimer(long due) {
      this.due = due;
    }

    @Override
    public long nextProcessingTime() {
      return due;
    }

    @Override
    public void onProcessingTime(long now) {
      firedAt.add(now);
      due = Long.MAX_VALUE;
    }
  }

  /**
   * A processing-time window [800, 825) has its timer at 824, its last millisecond. A record read
   * while the clock reads 824 joins that window, so the timer must not fire before the clock has
   * passed 824, or the window would fire once without that record and again with it alone.
   */
  @Test
  void when_the_clock_reads_a_timers_time_then_the_timer_fires_once_the_clock_has_passed_it() throws Exception {
    ProcessingTimers timers = new ProcessingTimers();
    OneTimer window = new OneTimer(824);
    timers.register(window);

    timers.advanceClock(824);
    assertThat(window.firedAt).isEmpty();

    timers.advanceClock(825);
    assertThat(window.firedAt).containsExactly(824L);
    timers.advanceClock(900);
    assertThat(window.firedAt).containsExactly(824L);
  }

  @Test
  void when_processing_time_is_set_by_hand_then_timers_due_at_it_fire() throws Exception {
    ProcessingTimers timers = new ProcessingTimers();
    OneTimer timer = new OneTimer(824);
    timers.register(timer);

    timers.advance(823);
    assertThat(timer.firedAt).isEmpty();
    timers.advance(824);
    assertThat(timer.firedAt).containsExactly(824L);
  }
}
