package weir.testing;

import weir.runtime.operators.ProcessingTimeService;

/** Processing time that only moves when a test sets it; starts at 0. Owned by the test thread. */
final class ManualClock implements ProcessingTimeService {
  private long now;

  void set(long time) {
    this.now = time;
  }

  @Override
  public long currentProcessingTime() {
    return now;
  }
}
