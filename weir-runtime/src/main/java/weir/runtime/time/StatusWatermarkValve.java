package weir.runtime.time;

/**
 * Combines the watermarks and idleness of a subtask's input channels into the subtask's
 * watermark: the minimum over the channels that are active and aligned. An idle channel stops
 * holding the watermark back; when it becomes active again it only rejoins (is aligned) once its
 * own watermark has caught up with the combined one, so waking up never moves the watermark
 * back. When every channel is idle the subtask is idle too.
 *
 * <p>Owned by the subtask's thread.
 */
public final class StatusWatermarkValve {
  /** Receives what the valve decides. */
  public interface ValveOutput {
    void emitWatermark(long watermark) throws Exception;

    void emitWatermarkStatus(boolean idle) throws Exception;
  }

  private final long[] watermarks;
  private final boolean[] idle;
  private final boolean[] aligned;
  private long lastOutput = Long.MIN_VALUE;
  private boolean outputIdle;

  public StatusWatermarkValve(int channels) {
    this.watermarks = new long[channels];
    this.idle = new boolean[channels];
    this.aligned = new boolean[channels];
    java.util.Arrays.fill(watermarks, Long.MIN_VALUE);
    java.util.Arrays.fill(aligned, true);
  }

  /** A watermark arrived on {@code channel}. */
  public void inputWatermark(int channel, long watermark, ValveOutput out) throws Exception {
    if (idle[channel] || watermark <= watermarks[channel]) {
      return;
    }
    watermarks[channel] = watermark;
    if (!aligned[channel] && watermark >= lastOutput) {
      aligned[channel] = true;
    }
    emitMinimumOfAligned(out);
  }

  /** {@code channel} became idle or active. */
  public void inputStatus(int channel, boolean nowIdle, ValveOutput out) throws Exception {
    if (nowIdle == idle[channel]) {
      return;
    }
    idle[channel] = nowIdle;
    if (nowIdle) {
      aligned[channel] = false;
      if (allIdle()) {
        // the last channel holding the watermark back went quiet: release what the others reached
        emitMaximumOfAll(out);
        outputIdle = true;
        out.emitWatermarkStatus(true);
      } else {
        emitMinimumOfAligned(out);
      }
    } else {
      aligned[channel] = watermarks[channel] >= lastOutput;
      if (outputIdle) {
        outputIdle = false;
        out.emitWatermarkStatus(false);
      }
    }
  }

  private boolean allIdle() {
    for (boolean i : idle) {
      if (!i) {
        return false;
      }
    }
    return true;
  }

  private void emitMinimumOfAligned(ValveOutput out) throws Exception {
    long min = Long.MAX_VALUE;
    boolean any = false;
    for (int c = 0; c < watermarks.length; c++) {
      if (aligned[c] && !idle[c]) {
        any = true;
        min = Math.min(min, watermarks[c]);
      }
    }
    if (any && min > lastOutput) {
      lastOutput = min;
      out.emitWatermark(min);
    }
  }

  private void emitMaximumOfAll(ValveOutput out) throws Exception {
    long max = Long.MIN_VALUE;
    for (long w : watermarks) {
      max = Math.max(max, w);
    }
    if (max > lastOutput) {
      lastOutput = max;
      out.emitWatermark(max);
    }
  }

  /** The combined watermark emitted last. */
  public long currentWatermark() {
    return lastOutput;
  }
}
