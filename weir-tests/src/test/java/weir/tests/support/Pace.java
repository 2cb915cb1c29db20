package weir.tests.support;

import weir.api.functions.MapFunction;

/**
 * Slows a job down, so that a test can act while it runs or checkpoints complete between
 * failures: passes numbers on, sleeping a millisecond after every {@code recordsPerSleep}
 * records of its subtask (never when 0).
 */
public final class Pace implements MapFunction<Long, Long> {
  private final int recordsPerSleep;
  private transient long seen;

  public Pace(int recordsPerSleep) {
    this.recordsPerSleep = recordsPerSleep;
  }

  @Override
  public Long map(Long value) throws Exception {
    if (recordsPerSleep > 0 && ++seen % recordsPerSleep == 0) {
      Thread.sleep(1);
    }
    return value;
  }
}
