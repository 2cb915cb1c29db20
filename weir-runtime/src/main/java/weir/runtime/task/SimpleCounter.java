package weir.runtime.task;

import weir.api.metrics.Counter;

/** A counter owned by one subtask's thread; read by the job after the subtask has ended. */
public final class SimpleCounter implements Counter {
  private long count;

  @Override
  public void inc() {
    count++;
  }

  @Override
  public void inc(long n) {
    count += n;
  }

  @Override
  public long getCount() {
    return count;
  }
}
