package weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class WatchdogTest {
  @Test
  void when_callHoldsWorkerPastThreshold_then_reportedOnce() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Tasklet slow = new Tasklet() {
      @Override
      public String name() {
        return "Slow (1/1)";
      }

      @Override
      public boolean isBlocking() {
        return false;
      }

      @Override
      public void init() {}

      @Override
      public ProgressState call() throws Exception {
        entered.countDown();
        release.await();
        return ProgressState.DONE;
      }

      @Override
      public void close() {}
    };
    Worker worker = new Worker(List.of(slow), new Worker.Listener() {
      @Override
      public boolean isStopping() {
        return false;
      }

      @Override
      public void onFailure(Tasklet tasklet, Throwable failure) {}

      @Override
      public void onWorkerDone() {}
    });
    Thread thread = new Thread(worker);
    thread.start();
    entered.await();
    Watchdog watchdog = new Watchdog("job", List.of(worker), Duration.ofMillis(1));
    long start = worker.callStartNanos();
    assertThat(worker.currentTasklet()).isSameAs(slow);
    watchdog.check(start + Duration.ofMillis(5).toNanos());
    assertThat(watchdog.warnings()).isEqualTo(1);
    watchdog.check(start + Duration.ofMillis(10).toNanos());
    assertThat(watchdog.warnings()).as("one warning per stalled call").isEqualTo(1);
    release.countDown();
    thread.join();
    assertThat(worker.currentTasklet()).isNull();
  }
}
