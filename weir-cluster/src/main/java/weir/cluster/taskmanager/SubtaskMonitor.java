package weir.cluster.taskmanager;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import weir.cluster.rpc.SubtaskStats;
import weir.runtime.task.StreamTask;

/**
 * Samples the subtasks running on this TaskManager: backpressure as the share of recent samples
 * in which one of a subtask's output channels was full (Flink's sampling approach), the share of
 * time it worked (from the time its calls took), its element counts and watermark. The latest figures go to
 * the JobManager with each heartbeat and to Prometheus as per-subtask gauges.
 */
final class SubtaskMonitor {
  /** A subtask of an attempt and its task. */
  record Running(String jobId, int attempt, String vertexName, StreamTask task) {}

  // samples kept per subtask: with one sample each 100 ms, the backpressure of the last 2 s
  private static final int WINDOW = 20;

  private final Supplier<List<Running>> running;
  private final Map<StreamTask, Window> windows = new HashMap<>();
  private final MultiGauge elementsIn;
  private final MultiGauge elementsOut;
  private final MultiGauge backpressure;
  private final MultiGauge watermark;
  private final MultiGauge watermarkLag;
  private final MultiGauge busy;
  private final MultiGauge idle;
  private volatile List<SubtaskStats> latest = List.of();

  SubtaskMonitor(Supplier<List<Running>> running, MeterRegistry meters) {
    this.running = running;
    this.elementsIn = MultiGauge.builder("weir.subtask.elements.in")
        .description("elements (records and in-band events) a subtask took from its input channels").register(meters);
    this.elementsOut = MultiGauge.builder("weir.subtask.elements.out")
        .description("elements a subtask published to its output channels").register(meters);
    this.backpressure = MultiGauge.builder("weir.subtask.backpressure")
        .description("share of the last 2 s in which an output channel of the subtask was full").register(meters);
    this.watermark = MultiGauge.builder("weir.subtask.watermark")
        .description("a subtask's input watermark, in ms since the epoch").register(meters);
    this.watermarkLag = MultiGauge.builder("weir.subtask.watermark.lag").baseUnit("seconds")
        .description("how far a subtask's input watermark is behind the wall clock").register(meters);
    this.busy = MultiGauge.builder("weir.subtask.busy")
        .description("share of the last 2 s a subtask spent working").register(meters);
    this.idle = MultiGauge.builder("weir.subtask.idle")
        .description("share of the last 2 s a subtask neither worked nor was backpressured").register(meters);
  }

  /** The last {@link #WINDOW} samples of one subtask. */
  private static final class Window {
    final boolean[] full = new boolean[WINDOW];
    final long[] busyAt = new long[WINDOW];
    final long[] timeAt = new long[WINDOW];
    int samples;
  }

  /** Takes one sample of every running subtask; called every 100 ms from one thread. */
  synchronized void sample() {
    List<Running> now = running.get();
    List<SubtaskStats> stats = new ArrayList<>(now.size());
    List<MultiGauge.Row<?>> in = new ArrayList<>();
    List<MultiGauge.Row<?>> out = new ArrayList<>();
    List<MultiGauge.Row<?>> pressure = new ArrayList<>();
    List<MultiGauge.Row<?>> marks = new ArrayList<>();
    List<MultiGauge.Row<?>> lags = new ArrayList<>();
    List<MultiGauge.Row<?>> busyRows = new ArrayList<>();
    List<MultiGauge.Row<?>> idleRows = new ArrayList<>();
    Map<StreamTask, Window> alive = new HashMap<>();
    long nowNanos = System.nanoTime();
    long nowMillis = System.currentTimeMillis();
    for (Running r : now) {
      StreamTask.Stats s = r.task().stats();
      Window w = windows.computeIfAbsent(r.task(), t -> new Window());
      int slot = w.samples % WINDOW;
      // the oldest sample kept, before this one overwrites it
      int oldest = w.samples < WINDOW ? 0 : slot;
      long busySince = w.samples == 0 ? s.busyNanos() : w.busyAt[oldest];
      long timeSince = w.samples == 0 ? nowNanos : w.timeAt[oldest];
      w.full[slot] = s.backpressured();
      w.busyAt[slot] = s.busyNanos();
      w.timeAt[slot] = nowNanos;
      w.samples++;
      alive.put(r.task(), w);
      int full = 0;
      for (boolean b : w.full) {
        full += b ? 1 : 0;
      }
      double ratio = (double) full / Math.min(WINDOW, w.samples);
      double busyRatio = nowNanos > timeSince ? Math.min(1.0, (double) (s.busyNanos() - busySince) / (nowNanos - timeSince))
          : 0.0;
      int vertexId = r.task().deployment().vertex().id();
      int subtask = r.task().deployment().subtaskIndex();
      stats.add(SubtaskStats.newBuilder().setJobId(r.jobId()).setAttempt(r.attempt()).setVertexId(vertexId)
          .setSubtask(subtask).setElementsIn(s.elementsIn()).setElementsOut(s.elementsOut()).setBackpressure(ratio)
          .setWatermark(s.watermark()).setBusy(busyRatio).build());
      Tags tags = Tags.of("job", r.jobId(), "vertex", r.vertexName(), "subtask", Integer.toString(subtask));
      in.add(MultiGauge.Row.of(tags, s.elementsIn()));
      out.add(MultiGauge.Row.of(tags, s.elementsOut()));
      pressure.add(MultiGauge.Row.of(tags, ratio));
      busyRows.add(MultiGauge.Row.of(tags, busyRatio));
      idleRows.add(MultiGauge.Row.of(tags, Math.max(0.0, 1.0 - busyRatio - ratio)));
      boolean hasWatermark = s.watermark() != Long.MIN_VALUE;
      marks.add(MultiGauge.Row.of(tags, hasWatermark ? s.watermark() : Double.NaN));
      lags.add(MultiGauge.Row.of(tags, hasWatermark ? Math.max(0, nowMillis - s.watermark()) / 1e3 : Double.NaN));
    }
    windows.keySet().retainAll(alive.keySet());
    elementsIn.register(in, true);
    elementsOut.register(out, true);
    backpressure.register(pressure, true);
    watermark.register(marks, true);
    watermarkLag.register(lags, true);
    busy.register(busyRows, true);
    idle.register(idleRows, true);
    latest = List.copyOf(stats);
  }

  /** The figures of the latest sample. */
  List<SubtaskStats> latest() {
    return latest;
  }
}
