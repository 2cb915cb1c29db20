package weir.cluster.taskmanager;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import weir.cluster.rpc.OperatorStats;
import weir.cluster.rpc.SubtaskStats;
import weir.runtime.task.StreamTask;

/**
 * Samples the subtasks running on this TaskManager: backpressure as the share of recent samples
 * in which one of a subtask's output channels was full (Flink's sampling approach), the share of
 * time it worked (from the time its calls took), its element counts and watermark, and the records
 * in and out of each of its operators with their rates over the same window. The latest figures
 * go to the JobManager with each heartbeat and to Prometheus as per-subtask and per-operator gauges.
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
  private final MultiGauge recordsIn;
  private final MultiGauge recordsOut;
  private final MultiGauge recordsInRate;
  private final MultiGauge recordsOutRate;
  private volatile List<SubtaskStats> latest = List.of();
  // the gauges' rows and their latest values: registered with Micrometer only when rows come or
  // go, since registering on every sample made the metrics code hot on the TaskManager
  private final Map<GaugeRow, Cell> cells = new HashMap<>();
  private boolean rowsChanged;

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
    this.recordsIn = MultiGauge.builder("weir.operator.records.in")
        .description("records an operator of a subtask took").register(meters);
    this.recordsOut = MultiGauge.builder("weir.operator.records.out")
        .description("records an operator of a subtask emitted, side outputs included").register(meters);
    this.recordsInRate = MultiGauge.builder("weir.operator.records.in.rate").baseUnit("per.second")
        .description("records an operator of a subtask took per second over the last 2 s").register(meters);
    this.recordsOutRate = MultiGauge.builder("weir.operator.records.out.rate").baseUnit("per.second")
        .description("records an operator of a subtask emitted per second over the last 2 s").register(meters);
  }

  /** The last {@link #WINDOW} samples of one subtask. */
  private static final class Window {
    final boolean[] full = new boolean[WINDOW];
    final long[] busyAt = new long[WINDOW];
    final long[] timeAt = new long[WINDOW];
    // per sample, the records in and out of each operator, head first
    final long[][] inAt = new long[WINDOW][];
    final long[][] outAt = new long[WINDOW][];
    int samples;
  }

  /** Takes one sample of every running subtask; called every 100 ms from one thread. */
  synchronized void sample() {
    List<Running> now = running.get();
    List<SubtaskStats> stats = new ArrayList<>(now.size());
    Set<GaugeRow> seen = new HashSet<>();
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
      List<StreamTask.OperatorCounts> ops = s.operators();
      long[] inSince = w.samples == 0 ? null : w.inAt[oldest];
      long[] outSince = w.samples == 0 ? null : w.outAt[oldest];
      long[] inNow = new long[ops.size()];
      long[] outNow = new long[ops.size()];
      for (int i = 0; i < inNow.length; i++) {
        inNow[i] = ops.get(i).recordsIn();
        outNow[i] = ops.get(i).recordsOut();
      }
      w.inAt[slot] = inNow;
      w.outAt[slot] = outNow;
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
      SubtaskStats.Builder figures = SubtaskStats.newBuilder().setJobId(r.jobId()).setAttempt(r.attempt())
          .setVertexId(vertexId).setSubtask(subtask).setElementsIn(s.elementsIn()).setElementsOut(s.elementsOut())
          .setBackpressure(ratio).setWatermark(s.watermark()).setBusy(busyRatio);
      Tags tags = Tags.of("job", r.jobId(), "vertex", r.vertexName(), "subtask", Integer.toString(subtask));
      double seconds = (nowNanos - timeSince) / 1e9;
      for (int i = 0; i < inNow.length; i++) {
        StreamTask.OperatorCounts op = ops.get(i);
        double inRate = rate(inNow, inSince, i, seconds);
        double outRate = rate(outNow, outSince, i, seconds);
        figures.addOperators(OperatorStats.newBuilder().setNodeId(op.nodeId()).setName(op.name())
            .setRecordsIn(inNow[i]).setRecordsOut(outNow[i]).setRecordsInPerSecond(inRate)
            .setRecordsOutPerSecond(outRate));
        // operator names need not be unique: the node id tells two apart
        Tags opTags = tags.and("operator", op.name(), "operator_id", Integer.toString(op.nodeId()));
        set(seen, recordsIn, opTags, inNow[i]);
        set(seen, recordsOut, opTags, outNow[i]);
        set(seen, recordsInRate, opTags, inRate);
        set(seen, recordsOutRate, opTags, outRate);
      }
      stats.add(figures.build());
      set(seen, elementsIn, tags, s.elementsIn());
      set(seen, elementsOut, tags, s.elementsOut());
      set(seen, backpressure, tags, ratio);
      set(seen, busy, tags, busyRatio);
      set(seen, idle, tags, Math.max(0.0, 1.0 - busyRatio - ratio));
      boolean hasWatermark = s.watermark() != Long.MIN_VALUE;
      set(seen, watermark, tags, hasWatermark ? s.watermark() : Double.NaN);
      set(seen, watermarkLag, tags, hasWatermark ? Math.max(0, nowMillis - s.watermark()) / 1e3 : Double.NaN);
    }
    windows.keySet().retainAll(alive.keySet());
    if (rowsChanged || !cells.keySet().equals(seen)) {
      cells.keySet().retainAll(seen);
      registerRows();
    }
    latest = List.copyOf(stats);
  }

  /** One row of one gauge: the gauge and the row's tags. */
  private record GaugeRow(MultiGauge gauge, Tags tags) {}

  /** The latest value of a row, which its gauge reads when scraped. */
  private static final class Cell {
    volatile double value;

    double value() {
      return value;
    }
  }

  /** Sets the value of a row, creating the row if it is new; notes that it is still there. */
  private void set(Set<GaugeRow> seen, MultiGauge gauge, Tags tags, double value) {
    GaugeRow row = new GaugeRow(gauge, tags);
    seen.add(row);
    Cell cell = cells.get(row);
    if (cell == null) {
      cell = new Cell();
      cells.put(row, cell);
      rowsChanged = true;
    }
    cell.value = value;
  }

  /** Registers the rows of every gauge anew, each reading its cell; only when rows came or went. */
  private void registerRows() {
    Map<MultiGauge, List<MultiGauge.Row<?>>> rows = new HashMap<>();
    for (MultiGauge g : List.of(elementsIn, elementsOut, backpressure, watermark, watermarkLag, busy, idle, recordsIn,
        recordsOut, recordsInRate, recordsOutRate)) {
      rows.put(g, new ArrayList<>());
    }
    cells.forEach((row, cell) -> rows.get(row.gauge()).add(MultiGauge.Row.of(row.tags(), cell, Cell::value)));
    rows.forEach((gauge, list) -> gauge.register(list, true));
    rowsChanged = false;
  }

  /** Records per second of operator {@code i} since the oldest sample kept; 0 before two samples. */
  private static double rate(long[] now, long[] since, int i, double seconds) {
    if (since == null || i >= since.length || seconds <= 0) {
      return 0.0;
    }
    return (now[i] - since[i]) / seconds;
  }

  /** The figures of the latest sample. */
  List<SubtaskStats> latest() {
    return latest;
  }
}
