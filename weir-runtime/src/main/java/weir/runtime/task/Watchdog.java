package weir.runtime.task;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a job's cooperative workers and warns when one call of a tasklet holds its worker
 * longer than a threshold: the other subtasks of that worker starve meanwhile. The warning names
 * the operator chain and says how to give blocking code its own thread. It runs until {@link
 * #stop()}.
 */
public final class Watchdog implements Runnable {
  // initialized on first use, on the watchdog's own thread
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
  }
  private static final long CHECK_INTERVAL_MILLIS = 200;

  private final String jobName;
  private final List<Worker> workers;
  private final long thresholdNanos;
  private final long[] warnedCallStart;
  private volatile boolean stopped;
  private int warnings;

  public Watchdog(String jobName, List<Worker> workers, Duration threshold) {
    this.jobName = jobName;
    this.workers = workers;
    this.thresholdNanos = threshold.toNanos();
    this.warnedCallStart = new long[workers.size()];
  }

  @Override
  public void run() {
    while (!stopped) {
      try {
        Thread.sleep(CHECK_INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      check(System.nanoTime());
    }
  }

  void check(long now) {
    for (int i = 0; i < workers.size(); i++) {
      Worker w = workers.get(i);
      Tasklet t = w.currentTasklet();
      long start = w.callStartNanos();
      if (t != null && !t.isBlocking() && now - start > thresholdNanos && warnedCallStart[i] != start) {
        warnedCallStart[i] = start;
        warnings++;
        Log.LOG.warn("Job '{}': '{}' has held a shared worker thread for {} ms, starving the other subtasks on it."
                + " If its user code blocks (I/O, sleeps, remote calls), mark the operator with .blocking()"
                + " so it runs on a thread of its own", jobName, t.name(), (now - start) / 1_000_000);
      }
    }
  }

  /** How many stalls were reported. */
  int warnings() {
    return warnings;
  }

  /** Ends the watchdog's loop. */
  public void stop() {
    stopped = true;
  }
}
