package weir.runtime.network;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import weir.runtime.exchange.CheckpointBarrier;
import weir.runtime.exchange.ControlEvent;
import weir.runtime.exchange.SpscChannel;
import weir.runtime.exchange.WatermarkEvent;
import weir.runtime.task.ProgressState;

/**
 * A consumer subtask's stand-in: takes up to {@code perCall} elements a call and keeps a
 * description of each (records as {@code value@timestamp}); done after END_OF_PARTITION. It also
 * samples a gauge on every call and keeps the largest value seen.
 */
final class ListSink extends TestTasklet {
  private final SpscChannel ring;
  private final int perCall;
  private final IntSupplier gauge;
  final List<String> seen = new CopyOnWriteArrayList<>();
  volatile int maxGauge;

  ListSink(SpscChannel ring, int perCall, IntSupplier gauge) {
    this.ring = ring;
    this.perCall = perCall;
    this.gauge = gauge;
  }

  ListSink(SpscChannel ring) {
    this(ring, Integer.MAX_VALUE, () -> 0);
  }

  static String describe(Object e, long timestamp) {
    if (e instanceof WatermarkEvent w) {
      return "wm " + w.timestamp();
    }
    if (e instanceof CheckpointBarrier b) {
      return "barrier " + b.id() + " " + b.timestamp() + " " + b.alignmentTimeoutNanos();
    }
    return e instanceof ControlEvent ? e.toString() : e + "@" + timestamp;
  }

  @Override
  public ProgressState call() {
    maxGauge = Math.max(maxGauge, gauge.getAsInt());
    int n = Math.min(ring.available(), perCall);
    for (int i = 0; i < n; i++) {
      Object e = ring.take();
      seen.add(describe(e, ring.takenTimestamp()));
      if (e == ControlEvent.END_OF_PARTITION) {
        ring.release();
        return ProgressState.DONE;
      }
    }
    ring.release();
    return n > 0 ? ProgressState.MADE_PROGRESS : ProgressState.NO_PROGRESS;
  }
}
